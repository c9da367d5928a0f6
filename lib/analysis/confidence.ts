// syzkaller's own confidence in a bisection, recomputed from the runs (pkg/bisect, 2023+):
// p, the reproducer's chance to crash a bad kernel, is estimated as the lowest crash ratio seen
// on a commit that crashed and was not judged clean or skipped (the start commit and the release tests before
// `git bisect start` included: syzkaller updates its estimate on every test); a clean verdict from n clean runs is then a false
// negative with probability (1-p)^n, and confidence is the product of 1-(1-p)^n over clean steps.
// syzbot flags results under 0.66 as unreliable.
//
// Fix bisections: syzkaller computes a test's confidence in `env.test()` from its own verdict
// *before* `testPredicate` inverts it for git, so bisect-log-format §6's "good steps" are the
// steps that did not crash — git's `good` in a cause bisection, git's `bad` in a fix
// bisection (the `false negative chance:` line is printed for exactly those). Likewise p is
// updated from the tests that crashed (git's `good` in a fix bisection). Hence every verdict
// here is read through `stepCrashed`.
import type { BisectionLog, Step } from "@/lib/parser/types";
import { countRuns, stepCrashed } from "./steps";

export const CONFIDENCE_CUTOFF = 0.66;

/** Lowest crash ratio over the tests that crashed and were not called clean or skipped (crashed
 *  steps, the start commit, crashing releases); null when nothing crashed. */
export function reproChance(log: BisectionLog): number | null {
  let p: number | null = null;
  for (const s of log.steps) {
    if (s.verdict === "skip" || stepCrashed(log.type, s) === false) continue;
    const c = countRuns(s);
    if (c.crashed === 0) continue;
    const ratio = c.crashed / (c.crashed + c.ok);
    p = p === null ? ratio : Math.min(p, ratio);
  }
  return p;
}

/** Chance that a clean step is a false negative given repro chance p. */
export function falseNegativeChance(step: Step, p: number): number {
  return Math.pow(1 - p, countRuns(step).ok);
}

export function recomputeConfidence(log: BisectionLog): number | null {
  const p = reproChance(log);
  if (p === null) return null;
  let confidence = 1;
  for (const s of log.steps) if (stepCrashed(log.type, s) === false) confidence *= 1 - falseNegativeChance(s, p);
  return confidence;
}
