// Crash in boot: if the chased crash also shows up as `boot failed:`, it fires without the
// reproducer, so "bad" measured the environment (a boot-time bug), not the reproducer's bug.
// Applies to fix bisections too: there the chased crash is the one that stopped at the fix
// (see Context.culpritTitles); if it also fires at boot, "still crashing" verdicts measured the
// environment, and the found fix may only have removed a boot-time crash.
import { uniqueSorted } from "@/lib/unique";
import { type Context, q } from "../context";
import { runsOf } from "../steps";
import { titleKey, type TitleKey } from "../titles";
import type { Finding } from "../types";

export function crashInBoot(ctx: Context): Finding[] {
  const chased = ctx.culpritTitles;
  if (chased.length === 0) return [];
  // most logs have no boot failure at all: then nothing below is needed (a step may have
  // 200,000 chased titles)
  if (!ctx.log.steps.some((s) => s.runs.some((r) => r.outcome === "boot-failed" && r.title) || (s.runs.length === 0 && s.allRuns?.outcome === "boot-failed" && s.allRuns.title)))
    return [];
  const lines: number[] = [];
  const names = new Set<string>();
  // the first chased title with that title, or with that place: maps instead of a scan per run
  const byTitle = new Map<string, number>();
  const byPlace = new Map<string, number>();
  chased.forEach((c, i) => {
    if (!byTitle.has(c.key.title)) byTitle.set(c.key.title, i);
    if (c.key.place !== null && !byPlace.has(c.key.place)) byPlace.set(c.key.place, i);
  });
  const first = (k: TitleKey, withPlace: boolean) => {
    const i = Math.min(byTitle.get(k.title) ?? Infinity, withPlace && k.place !== null ? (byPlace.get(k.place) ?? Infinity) : Infinity);
    return i === Infinity ? undefined : chased[i];
  };
  for (const step of ctx.log.steps) {
    for (const run of runsOf(step, "boot-failed")) {
      if (!run.title) continue;
      const hit = first(titleKey(run.title), true);
      if (hit) {
        lines.push(run.line);
        names.add(hit.key.title);
      }
    }
    if (step.runs.length === 0 && step.allRuns?.outcome === "boot-failed" && step.allRuns.title) {
      const hit = first(titleKey(step.allRuns.title), false);
      if (hit) {
        lines.push(step.allRuns.line);
        names.add(hit.key.title);
      }
    }
  }
  if (lines.length === 0) return [];
  return [
    {
      rule: "crash-in-boot",
      severity: "high",
      message: `The chased crash ${[...names].map(q).join(", ")} also appears as a boot failure (${lines.length}×), so it fires without the reproducer and the ${ctx.fix ? "\"still crashing\"" : "bad"} verdicts say little about the bug.`,
      lines: uniqueSorted([...lines, ...(ctx.log.crash ? [ctx.log.crash.line] : [])]),
    },
  ];
}
