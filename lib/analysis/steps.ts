// Counting runs per step. `all runs: X` hides how many runs there were: 10 in every era for
// bisection steps (20 only for the first test from 2021-02 and after flakiness), so we assume
// 10 and say so through `exact: false`.
import { verdictCrashed } from "@/lib/domain/step-verdict";
import { RUN_OUTCOME } from "@/lib/domain/words";
import type { BisectionLog, BisectionType, Run, RunOutcome, Step } from "@/lib/parser/types";
import { titleKey, type TitleKey } from "./titles";

export const ASSUMED_RUNS = 10;

export interface RunCounts {
  crashed: number;
  ok: number;
  boot: number;
  /** infra problem, basic kernel testing failed, ignore, failed */
  infra: number;
  total: number;
  /** false when the counts come from an `all runs:` line */
  exact: boolean;
}

/** Run counts of a step, once per judgement (several rules ask; a step may have 200,000 runs). */
export function countRuns(step: Step): Readonly<RunCounts> {
  const memo = countMemo?.get(step);
  if (memo !== undefined) return memo;
  const c = counted(step);
  countMemo?.set(step, c);
  return c;
}

function counted(step: Step): RunCounts {
  const c: RunCounts = { crashed: 0, ok: 0, boot: 0, infra: 0, total: 0, exact: true };
  const add = (o: RunOutcome, n: number) => {
    const kind = RUN_OUTCOME[o].count;
    if (kind === "lost") c.infra += n;
    else c[kind] += n;
    c.total += n;
  };
  if (step.runs.length > 0) for (const r of step.runs) add(r.outcome, 1);
  else if (step.allRuns) {
    add(step.allRuns.outcome, ASSUMED_RUNS);
    c.exact = false;
  }
  return c;
}

export interface SeenTitle {
  key: TitleKey;
  line: number;
}

/** One step's crash titles as the rules read them: the list, and what several rules derive
 *  from it (each made at most once per judgement: a step may have 200,000 runs). */
interface StepTitles {
  all: SeenTitle[];
  distinct: SeenTitle[] | null;
  places: Set<string> | null;
}

/** While one judgement runs, the rules ask for the same steps' titles and counts several times. */
let memo: Map<Step, StepTitles> | null = null;
let countMemo: Map<Step, RunCounts> | null = null;
let allowance: Map<Step, number> | null = null;

/** Crash titles the judge weighs: per step, and per log (the first ones in log order). A real
 *  step has 10-20 runs and the corpus's busiest log 247 crashed runs of 199 titles; a crafted
 *  log may have 200,000 distinct titles, each of which would be keyed and compared. Run counts
 *  (countRuns) always cover every run. */
export const STEP_TITLES = 1_000;
export const LOG_TITLES = 10_000;

function allowances(log: BisectionLog): Map<Step, number> {
  const out = new Map<Step, number>();
  let left = LOG_TITLES;
  for (const s of log.steps) {
    const n = Math.min(STEP_TITLES, left);
    out.set(s, n);
    let crashed = s.runs.length === 0 && s.allRuns?.outcome === "crashed" && s.allRuns.title ? 1 : 0;
    for (const r of s.runs) if (r.outcome === "crashed" && r.title) crashed++;
    left -= Math.min(crashed, n);
  }
  return out;
}

/** Runs `fn` with the steps' titles and run counts memoized and the titles weighed bounded
 *  (judgeBisection); the memo ends with it. */
export function withTitleMemo<T>(log: BisectionLog, fn: () => T): T {
  const outer = [memo, countMemo, allowance] as const;
  memo = new Map();
  countMemo = new Map();
  allowance = allowances(log);
  try {
    return fn();
  } finally {
    [memo, countMemo, allowance] = outer;
  }
}

function titlesOf(step: Step): StepTitles {
  const cached = memo?.get(step);
  if (cached !== undefined) return cached;
  const all: SeenTitle[] = [];
  const most = allowance?.get(step) ?? STEP_TITLES;
  // runs of one step mostly repeat one title: each run of equal titles is keyed once
  let last: string | null = null;
  let key: TitleKey | null = null;
  for (const r of step.runs) {
    if (r.outcome !== "crashed" || !r.title) continue;
    if (all.length >= most) break;
    if (r.title !== last || key === null) key = titleKey((last = r.title));
    all.push({ key, line: r.line });
  }
  if (step.runs.length === 0 && step.allRuns?.outcome === "crashed" && step.allRuns.title && most > 0)
    all.push({ key: titleKey(step.allRuns.title), line: step.allRuns.line });
  const t: StepTitles = { all, distinct: null, places: null };
  memo?.set(step, t);
  return t;
}

/** Crash titles of a step (crashed runs only), with the line of each. */
export function crashTitles(step: Step): readonly SeenTitle[] {
  return titlesOf(step).all;
}

/** The first crash title of each name, in order. */
export function distinctTitles(step: Step): readonly SeenTitle[] {
  const t = titlesOf(step);
  return (t.distinct ??= firstOfEach(t.all));
}

/** The places of a step's specific crash titles. */
export function specificPlaces(step: Step): ReadonlySet<string> {
  const t = titlesOf(step);
  if (t.places === null) {
    t.places = new Set();
    for (const x of t.all) if (x.key.place !== null) t.places.add(x.key.place);
  }
  return t.places;
}

/** The first title of each name, in order (a Set: a step may have thousands of runs). */
export function firstOfEach(ts: readonly SeenTitle[]): SeenTitle[] {
  const seen = new Set<string>();
  const out: SeenTitle[] = [];
  for (const t of ts) {
    if (seen.has(t.key.title)) continue;
    seen.add(t.key.title);
    out.push(t);
  }
  return out;
}

export function runsOf(step: Step, outcome: RunOutcome): Run[] {
  return step.runs.filter((r) => r.outcome === outcome);
}

/** The first test of the start commit. */
export function startStep(log: BisectionLog): Step | null {
  return log.steps.find((s) => s.role === "start") ?? null;
}

/** The test of the culprit commit (the last one, if it was tested more than once). */
export function culpritStep(log: BisectionLog): Step | null {
  const hash = log.commit?.hash;
  if (!hash) return null;
  const tested = log.steps.filter((s) => s.commit === hash && (s.runs.length > 0 || s.allRuns));
  return tested[tested.length - 1] ?? null;
}

/** What git's verdict on a step says happened: true when it crashed, false when it did not,
 *  null for skips and steps without a verdict. Fix bisections invert git's words (`good` =
 *  still crashes, `bad` = fixed; bisect-log-format §2.5 G2), so every rule reads verdicts
 *  through this and never compares `step.verdict` with "good" or "bad" itself. */
export function stepCrashed(type: BisectionType, step: Step): boolean | null {
  return verdictCrashed(type, step.verdict);
}

/** Steps whose verdict says they crashed, other than the start commit (git never hears about
 *  a cause bisection's start commit). Cause: `bad`; fix: `good`. */
export function crashedSteps(log: BisectionLog): Step[] {
  return log.steps.filter((s) => s.role !== "start" && stepCrashed(log.type, s) === true);
}

/** Steps whose verdict says they did not crash. Cause: `good`; fix: `bad`. */
export function cleanSteps(log: BisectionLog): Step[] {
  return log.steps.filter((s) => stepCrashed(log.type, s) === false);
}

/** The words for a crashed / clean verdict in messages: git's own for cause bisections, what
 *  happened for fix bisections (where git's words would read backwards). */
export function verdictWords(type: BisectionType): { crashed: string; clean: string } {
  return type === "fix" ? { crashed: "judged still crashing", clean: "judged fixed" } : { crashed: "judged bad", clean: "judged good" };
}

/** Line of a step's verdict, or its first line. */
export function stepLine(step: Step): number {
  return step.verdictLine ?? step.line;
}

/** The lines that hold a step's evidence for its verdict, then the verdict: the `all runs:` line,
 *  else the first run that decided it (a crash where the verdict says it crashed, a clean run
 *  where it says it did not). */
export function evidenceLines(type: BisectionType, step: Step): number[] {
  const crashed = stepCrashed(type, step);
  const want: RunOutcome = crashed === true ? "crashed" : "ok";
  const evidence = step.allRuns?.line ?? (crashed === null ? undefined : step.runs.find((r) => r.outcome === want)?.line);
  const verdict = stepLine(step);
  return evidence === undefined || evidence === verdict ? [verdict] : [evidence, verdict];
}

