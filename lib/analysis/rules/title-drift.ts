// Title drift: git bisect only asks "did it crash?", so a bisection can start on one bug and
// end on another. The culprit is then the commit that introduced (or exposed) the *other* bug.
import { type Context, q } from "../context";
import { badSteps, crashTitles, short, uniqueSorted, type SeenTitle } from "../steps";
import { relatedBug, sameBug, specific } from "../titles";
import type { Finding } from "../types";

function distinct(ts: SeenTitle[]): SeenTitle[] {
  const out: SeenTitle[] = [];
  for (const t of ts) if (!out.some((o) => o.key.title === t.key.title)) out.push(t);
  return out;
}

function shares(a: SeenTitle[], b: SeenTitle[], rel = sameBug): boolean {
  return a.some((x) => b.some((y) => rel(x.key, y.key)));
}

export function titleDrift(ctx: Context): Finding[] {
  const start = distinct(ctx.startTitles.filter((t) => specific(t.key)));
  if (start.length === 0) return [];
  const startNames = start.map((t) => q(t.key.title)).join(", ");
  const blamed = distinct(ctx.culpritTitles.filter((t) => specific(t.key)));
  if (blamed.length > 0 && !shares(start, blamed)) {
    const related = shares(start, blamed, relatedBug);
    const names = blamed.map((t) => q(t.key.title)).join(", ");
    return [
      {
        rule: "title-drift",
        severity: related ? "low" : "high",
        message: related
          ? `The start commit crashed with ${startNames} but the culprit only with ${names}, another function of the same subsystem, which may be a different bug.`
          : `The start commit crashed with ${startNames} but the culprit was blamed for ${names}: the bisection chased a different crash.`,
        lines: uniqueSorted([...start.map((t) => t.line), ...blamed.map((t) => t.line)]),
      },
    ];
  }
  // The culprit agrees with the start, but some bad verdicts on the way were other crashes.
  const drifted = badSteps(ctx.log).filter((s) => {
    const ts = crashTitles(s).filter((t) => specific(t.key));
    return ts.length > 0 && !shares(start, ts);
  });
  if (drifted.length === 0) return [];
  const culpritOnlyUnspecific = ctx.culprit !== null && blamed.length === 0;
  return [
    {
      rule: "title-drift",
      severity: culpritOnlyUnspecific ? "medium" : "low",
      message: `${drifted.length} bad verdict${drifted.length > 1 ? "s" : ""} (${drifted.map((s) => short(s.commit)).join(", ")}) came from crashes other than the start commit's ${startNames}.`,
      lines: uniqueSorted([...start.map((t) => t.line), ...drifted.flatMap((s) => crashTitles(s).map((t) => t.line))]),
    },
  ];
}
