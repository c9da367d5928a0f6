// Per-row facts of the timeline that need the whole list: revisions left when a commit was
// tested, kernels built identically, and which row is the found commit.
import type { UiStep } from "./types";

/** git prints `Bisecting: N revisions left` right before announcing the next commit; the parser
 *  files N under the step before. Shift it back to the commit it was printed with. `initial`
 *  is the count printed after `git bisect start`. */
export function revisionsLeftAtTest(steps: UiStep[], initial: number | null): Map<number, number> {
  const out = new Map<number, number>();
  let pending = initial;
  for (const s of steps) {
    if (s.role === "bisect" && pending !== null) out.set(s.index, pending);
    if (s.role === "bisect" || s.verdict) pending = s.revisionsLeft ?? null;
  }
  return out;
}

/** Log-scale length 0..1 so 11797 -> 0 reads as a steady descent. */
export function logScale(n: number, max: number): number {
  return max > 0 ? Math.log10(n + 1) / Math.log10(max + 1) : 0;
}

/** For each step whose kernel signature equals an earlier step's: that earlier step's index. */
export function sameBinaryAs(steps: UiStep[]): Map<number, number> {
  const first = new Map<string, number>();
  const out = new Map<number, number>();
  for (const s of steps) {
    if (!s.kernelSignature) continue;
    const seen = first.get(s.kernelSignature);
    if (seen !== undefined) out.set(s.index, seen);
    else first.set(s.kernelSignature, s.index);
  }
  return out;
}

/** Index of the row that tested the found commit (the last test of it). */
export function foundRow(steps: UiStep[], hash: string | null | undefined): number | null {
  if (!hash) return null;
  let at: number | null = null;
  for (const s of steps) if (s.commitHash === hash) at = s.index;
  return at;
}

/** `Bisecting: 11797 revisions left to test after this (roughly 14 steps)` */
export const BISECTING_LINE = /^Bisecting: (\d+) revisions? left/;
