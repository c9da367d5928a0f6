// Flaky verdicts. A bad verdict from a single crash among many clean runs is weak evidence,
// and worse when that crash is not the start commit's bug (old syzkaller called any crash
// "bad"). A good verdict from few clean runs may be a false negative when the reproducer
// crashes only part of the time elsewhere in the log.
//
// Fix bisections, mirrored (verdicts read as crashed / did not crash through `stepCrashed`):
// - flaky-bad is about a "still crashes" verdict (git's `good`) from few crashes: a stray crash,
//   above all one of another bug, tells git the bug is still there and pushes the fix LATER.
// - flaky-good is about a "fixed" verdict (git's `bad`) from clean runs that may be a false
//   negative: git then believes the fix is already in, which moves the found fix EARLIER.
// - low-confidence is syzkaller's product over the steps that did not crash (see confidence.ts).
import { percent, shortHash } from "@/lib/format";
import { uniqueSorted } from "@/lib/unique";
import { type Context, q } from "../context";
import { CONFIDENCE_CUTOFF, falseNegativeChance, recomputeConfidence, reproChance } from "../confidence";
import { SEVERITY } from "@/lib/domain/words";
import { cleanSteps, countRuns, crashedSteps, crashTitles, evidenceLines, specificPlaces, stepLine, verdictWords, type RunCounts } from "../steps";
import type { Finding } from "../types";

/** "10 clean runs", or the `all runs: OK` line that did not say how many. */
function cleanRuns(c: Readonly<RunCounts>): string {
  return c.exact ? `${c.ok} clean run${c.ok === 1 ? "" : "s"}` : "an `all runs: OK` line (run count not logged)";
}

/** The runs that said nothing, so the counts agree with the matrix's k/n of all runs:
 *  " (of 10: 2 boot failures)". */
function lostRuns(c: Readonly<RunCounts>): string {
  const parts: string[] = [];
  if (c.boot > 0) parts.push(`${c.boot} boot failure${c.boot > 1 ? "s" : ""}`);
  if (c.infra > 0) parts.push(`${c.infra} lost to test or infrastructure failures`);
  return parts.length ? ` (of ${c.total}: ${parts.join(", ")})` : "";
}

export function flakyBad(ctx: Context): Finding[] {
  const out: Finding[] = [];
  const start = ctx.start;
  const words = verdictWords(ctx.log.type);
  for (const s of crashedSteps(ctx.log)) {
    const c = countRuns(s);
    if (!c.exact || c.crashed === 0 || c.crashed + c.ok < 5) continue;
    const ratio = c.crashed / (c.crashed + c.ok);
    if (ratio > 0.5) continue;
    const titles = crashTitles(s);
    const startPlaces = c.crashed === 1 && start !== null ? specificPlaces(start) : null;
    const foreign = startPlaces !== null && startPlaces.size > 0 && !titles.some((t) => t.key.place !== null && startPlaces.has(t.key.place));
    const severity = c.crashed === 1 ? (foreign ? "high" : "medium") : "low";
    const why = foreign ? `, and that crash (${q(titles[0].key.title)}) is not the start commit's bug` : "";
    const effect = ctx.fix && c.crashed === 1 ? ", which would put the found fix too late" : "";
    out.push({
      rule: "flaky-bad",
      severity,
      message: `Commit ${shortHash(s.commit)} was ${words.crashed} on ${c.crashed} crash${c.crashed > 1 ? "es" : ""} in ${c.crashed + c.ok} runs${lostRuns(c)}${why}${effect}.`,
      lines: [...titles.map((t) => t.line), stepLine(s)].sort((a, b) => a - b),
    });
  }
  return keepWorst(out);
}

export function flakyGood(ctx: Context): Finding[] {
  const p = reproChance(ctx.log);
  if (p === null || p >= 1) return [];
  const out: Finding[] = [];
  const words = verdictWords(ctx.log.type);
  for (const s of cleanSteps(ctx.log)) {
    const fn = falseNegativeChance(s, p);
    if (fn < 0.05) continue;
    out.push({
      rule: "flaky-good",
      severity: fn >= 0.2 ? "medium" : "low",
      message: `Commit ${shortHash(s.commit)} was ${words.clean} on ${cleanRuns(countRuns(s))}, but the reproducer crashed ${Math.round(p * 100)}% of the time elsewhere, so that many runs all clean would happen ${percent(fn)} of the time with the bug present${ctx.fix ? ", which would put the found fix too early" : ""}.`,
      lines: evidenceLines(ctx.log.type, s),
    });
  }
  return keepWorst(out);
}

export function lowConfidence(ctx: Context): Finding[] {
  const c = recomputeConfidence(ctx.log);
  if (c === null || c >= CONFIDENCE_CUTOFF) return [];
  const goods = cleanSteps(ctx.log);
  return [
    {
      rule: "low-confidence",
      severity: "medium",
      message: `syzkaller's own confidence model gives ${percent(c)}, below its cut-off of ${percent(CONFIDENCE_CUTOFF)}.`,
      lines: uniqueSorted(goods.flatMap((s) => evidenceLines(ctx.log.type, s))),
    },
  ];
}

/** One finding per rule: the worst step, with the others' lines and a count. */
function keepWorst(fs: Finding[]): Finding[] {
  if (fs.length <= 1) return fs;
  const worst = fs.reduce((a, b) => (SEVERITY[b.severity].rank > SEVERITY[a.severity].rank ? b : a));
  const others = fs.length - 1;
  return [
    {
      ...worst,
      message: `${worst.message} (${others} more step${others > 1 ? "s" : ""} like it)`,
      lines: uniqueSorted(fs.flatMap((f) => f.lines)),
    },
  ];
}

