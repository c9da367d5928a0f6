// Title drift: git bisect only asks "did it crash?", so a bisection can start on one bug and
// end on another. The culprit is then the commit that introduced (or exposed) the *other* bug.
// Applies to fix bisections too, mirrored: the start commit's crash against the crash that
// stopped at the fix (the last step that still crashed; there is no `crash:` report). If the
// start crashed with bug A but the crash right before the fix was bug B, the bisection found
// where B stopped, and A may have been fixed elsewhere (or still be there). Crashed verdicts
// from other bugs on the way kept git believing the bug was present, pushing the fix later.
import { shortHash } from "@/lib/format";
import { uniqueSorted } from "@/lib/unique";
import { type Context, q } from "../context";
import { crashedSteps, crashTitles, distinctTitles, specificPlaces, type SeenTitle } from "../steps";
import { anyRelatedBug, anySameBug, specific } from "../titles";
import type { Finding } from "../types";

function shares(a: SeenTitle[], b: SeenTitle[], rel = anySameBug): boolean {
  return rel(a.map((t) => t.key), b.map((t) => t.key));
}

export function titleDrift(ctx: Context): Finding[] {
  if (ctx.start === null) return [];
  // the start step's titles (ctx.startTitles), each name once, made once for every rule
  const start = distinctTitles(ctx.start).filter((t) => specific(t.key));
  if (start.length === 0) return [];
  const startNames = () => start.map((t) => q(t.key.title)).join(", ");
  // the blamed step's titles, each name once (made once, like the start's), then the report's
  const blamed = (ctx.blamedStep ? distinctTitles(ctx.blamedStep) : []).filter((t) => specific(t.key));
  const report = ctx.crashKey && ctx.log.crash && specific(ctx.crashKey) ? { key: ctx.crashKey, line: ctx.log.crash.line } : null;
  if (report && !blamed.some((t) => t.key.title === report.key.title)) blamed.push(report);
  if (blamed.length > 0 && !shares(start, blamed)) {
    const related = shares(start, blamed, anyRelatedBug);
    const names = blamed.map((t) => q(t.key.title)).join(", ");
    return [
      {
        rule: "title-drift",
        severity: related ? "low" : "high",
        message: ctx.fix
          ? related
            ? `The start commit crashed with ${startNames()} but the crash that stopped at the fix was ${names}, another function of the same subsystem, which may be a different bug.`
            : `The start commit crashed with ${startNames()} but the crash that stopped at the fix was ${names}: the bisection found the fix of a different crash.`
          : related
            ? `The start commit crashed with ${startNames()} but ${ctx.culprit === null ? "the bad verdict that closed the range of candidates" : "the culprit"} only with ${names}, another function of the same subsystem, which may be a different bug.`
            : ctx.culprit === null
              ? `The start commit crashed with ${startNames()} but the bad verdict that closed the range of candidates came from ${names}: the bisection chased a different crash.`
              : `The start commit crashed with ${startNames()} but the culprit was blamed for ${names}: the bisection chased a different crash.`,
        lines: uniqueSorted([...start.map((t) => t.line), ...blamed.map((t) => t.line)]),
      },
    ];
  }
  // The culprit agrees with the start, but some crashed verdicts on the way were other crashes.
  const startStep = ctx.start;
  const drifted = crashedSteps(ctx.log).filter((s) => {
    const startPlaces = specificPlaces(startStep);
    let specificSeen = false;
    for (const t of crashTitles(s)) {
      if (t.key.place === null) continue;
      if (startPlaces.has(t.key.place)) return false;
      specificSeen = true;
    }
    return specificSeen;
  });
  if (drifted.length === 0) return [];
  const culpritOnlyUnspecific = (ctx.fix ? ctx.blamedStep !== null : ctx.culprit !== null) && blamed.length === 0;
  const verdicts = ctx.fix ? "\"still crashing\" verdict" : "bad verdict";
  return [
    {
      rule: "title-drift",
      severity: culpritOnlyUnspecific ? "medium" : "low",
      message: `${drifted.length} ${verdicts}${drifted.length > 1 ? "s" : ""} (${drifted.map((s) => shortHash(s.commit)).join(", ")}) came from crashes other than the start commit's ${startNames()}.`,
      lines: uniqueSorted([...start.map((t) => t.line), ...drifted.flatMap((s) => crashTitles(s).map((t) => t.line))]),
    },
  ];
}
