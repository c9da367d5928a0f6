// syzkaller's own confidence in a bisection, recomputed from the runs (pkg/bisect, 2023+):
// p, the reproducer's chance to crash a bad kernel, is estimated as the lowest crash ratio seen
// on a commit that crashed and was not judged good (the start commit and the release tests before
// `git bisect start` included: syzkaller updates its estimate on every test); a good verdict from n clean runs is then a false
// negative with probability (1-p)^n, and confidence is the product of 1-(1-p)^n over good steps.
// syzbot flags results under 0.66 as unreliable.
import type { BisectionLog, Step } from "@/lib/parser/types";
import { countRuns } from "./steps";

export const CONFIDENCE_CUTOFF = 0.66;

/** Lowest crash ratio over the tests that crashed and were not called good or skipped (bad
 *  steps, the start commit, crashing releases); null when nothing crashed. */
export function reproChance(log: BisectionLog): number | null {
  let p: number | null = null;
  for (const s of log.steps) {
    if (s.verdict === "good" || s.verdict === "skip") continue;
    const c = countRuns(s);
    if (c.crashed === 0) continue;
    const ratio = c.crashed / (c.crashed + c.ok);
    p = p === null ? ratio : Math.min(p, ratio);
  }
  return p;
}

/** Chance that a good step is a false negative given repro chance p. */
export function falseNegativeChance(step: Step, p: number): number {
  return Math.pow(1 - p, countRuns(step).ok);
}

export function recomputeConfidence(log: BisectionLog): number | null {
  const p = reproChance(log);
  if (p === null) return null;
  let confidence = 1;
  for (const s of log.steps) if (s.verdict === "good") confidence *= 1 - falseNegativeChance(s, p);
  return confidence;
}
