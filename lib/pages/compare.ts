// Two bisections side by side (`/compare?a=<id>&b=<id>`): aligned by tested commit, where their
// readings of the bug differ, which crash titles changed, and whether they found the same
// commit. Built from the stored steps only. Pure.
import { bugReading, stepVerdict, type StepVerdict, type VerdictSource } from "@/lib/domain/step-verdict";
import { foundWord, OUTCOME, roleWords, type BisectionType, type Outcome, type StepRole, type Verdict } from "@/lib/domain/words";
import { runsSummary } from "@/lib/format";
import { uniqueSorted } from "@/lib/unique";

export interface CompareStep extends VerdictSource {
  commit: string;
  /** start | release | bisect | ... (the parser's step role) */
  role?: StepRole;
  release?: string | null;
  subject: string | null;
  runs: { outcome: VerdictSource["runs"][number]["outcome"]; title: string | null }[];
  allRunsTitle: string | null;
}

export interface CompareSide {
  type: BisectionType;
  foundCommit: string | null;
  steps: CompareStep[];
}

/** One side's step at a commit. */
export interface SideStep {
  /** index of the step in its bisection */
  index: number;
  /** what it showed, in words that mean the same for cause and fix ("crashed", "OK") */
  verdict: StepVerdict;
  /** "start", "release v5.10", "bisect" */
  role: string | null;
  /** its runs in words ("8 of 10 crashed, 2 boot failed") */
  runs: string;
  /** crash titles of its crashed runs */
  titles: string[];
}

export interface AlignedRow {
  commit: string;
  subject: string | null;
  a: SideStep | null;
  b: SideStep | null;
  /** both tested it and read the bug differently there (crashed / OK / skipped) */
  verdictsDiffer: boolean;
  titlesDiffer: boolean;
}

export interface Comparison {
  rows: AlignedRow[];
  sameFoundCommit: boolean | null;
  commonCommits: number;
  differingVerdicts: number;
}

function titles(s: CompareStep): string[] {
  const t: string[] = [];
  for (const r of s.runs) if (r.outcome === "crashed" && r.title) t.push(r.title);
  if (s.allRunsOutcome === "crashed" && s.allRunsTitle) t.push(s.allRunsTitle);
  return uniqueSorted(t);
}

function sideStep(type: BisectionType, s: CompareStep, index: number): SideStep {
  return {
    index,
    verdict: stepVerdict(type, s),
    role: s.role ? roleWords(s.role, s.release ?? null) : null,
    runs: runsSummary(s.runs, s.allRunsOutcome),
    titles: titles(s),
  };
}

export function compareBisections(a: CompareSide, b: CompareSide): Comparison {
  const order: string[] = [];
  const at = new Map<string, { a: number | null; b: number | null; subject: string | null }>();
  a.steps.forEach((s, i) => {
    if (!at.has(s.commit)) {
      order.push(s.commit);
      at.set(s.commit, { a: i, b: null, subject: s.subject });
    }
  });
  b.steps.forEach((s, i) => {
    const row = at.get(s.commit);
    if (row) {
      if (row.b === null) row.b = i;
      row.subject ??= s.subject;
    } else {
      order.push(s.commit);
      at.set(s.commit, { a: null, b: i, subject: s.subject });
    }
  });
  const rows = order.map((commit): AlignedRow => {
    const { a: ia, b: ib, subject } = at.get(commit)!;
    const sa = ia === null ? null : sideStep(a.type, a.steps[ia], ia);
    const sb = ib === null ? null : sideStep(b.type, b.steps[ib], ib);
    const ra = sa && bugReading(sa.verdict);
    const rb = sb && bugReading(sb.verdict);
    return {
      commit,
      subject,
      a: sa,
      b: sb,
      verdictsDiffer: !!ra && !!rb && ra !== rb,
      titlesDiffer: !!sa && !!sb && sa.titles.join("\n") !== sb.titles.join("\n"),
    };
  });
  return {
    rows,
    sameFoundCommit: a.foundCommit && b.foundCommit ? a.foundCommit === b.foundCommit : null,
    commonCommits: rows.filter((r) => r.a !== null && r.b !== null).length,
    differingVerdicts: rows.filter((r) => r.verdictsDiffer).length,
  };
}

/** What the page shows of each side above the table. */
export interface CompareHead {
  id: string;
  title: string;
  type: BisectionType;
  outcome: Outcome;
  /** its type and result, each said once: "cause bisection · culprit" (the found commit follows),
   *  "fix bisection · still on HEAD" */
  words: string;
  verdict: Verdict;
  found: { hash: string; subject: string | null } | null;
  /** where it started, and what crashed there: what tells two bisections of one crash apart */
  start: { hash: string; title: string | null } | null;
  /** commits it tested */
  tested: number;
}

export interface ComparePage {
  a: CompareHead;
  b: CompareHead;
  /** "Both found the same commit. 15 commits tested by both; verdicts differ on 1." */
  summary: string;
  /** the rows drawn: every commit, or past MAX_COMPARE_ROWS the first and last ones */
  rows: AlignedRow[];
  /** commits between them not drawn, and how many of those the two judged differently */
  hidden: { after: string; count: number; differing: number } | null;
}

/** Rows drawn: two syzbot bisections share a few dozen commits; two logs of thousands get their
 *  first and last MAX_COMPARE_ROWS / 2, the middle counted. */
export const MAX_COMPARE_ROWS = 500;
/** Crash titles shown per side and row; the rest counted. */
export const MAX_ROW_TITLES = 8;

/** A stored side: its bisection's head and its steps (lib/data/related.ts getCompareSide). */
export interface StoredSide {
  id: string;
  type: BisectionType;
  outcome: Outcome;
  verdict: Verdict;
  foundCommitHash: string | null;
  culprit: { subject: string | null } | null;
  crashSignature: { title: string } | null;
  startSignature: { title: string } | null;
  steps: (Omit<CompareStep, "commit"> & { commitHash: string })[];
}

function head(x: StoredSide): CompareHead {
  const start = x.steps.find((s) => s.role === "start") ?? null;
  return {
    id: x.id,
    title: x.crashSignature?.title ?? x.startSignature?.title ?? x.id,
    type: x.type,
    outcome: x.outcome,
    words: `${x.type} bisection · ${x.foundCommitHash ? foundWord(x.type) : OUTCOME[x.outcome].label[x.type]}`,
    verdict: x.verdict,
    found: x.foundCommitHash ? { hash: x.foundCommitHash, subject: x.culprit?.subject ?? null } : null,
    start: start ? { hash: start.commitHash, title: x.startSignature?.title ?? null } : null,
    tested: x.steps.length,
  };
}

const side = (x: StoredSide): CompareSide => ({ type: x.type, foundCommit: x.foundCommitHash, steps: x.steps.map((s) => ({ ...s, commit: s.commitHash })) });

export function comparePage(a: StoredSide, b: StoredSide): ComparePage {
  const cmp = compareBisections(side(a), side(b));
  const found = cmp.sameFoundCommit === null ? "Not both found a commit." : cmp.sameFoundCommit ? "Both found the same commit." : "They found different commits.";
  const summary = `${found} ${cmp.commonCommits} commit${cmp.commonCommits === 1 ? "" : "s"} tested by both; verdicts differ on ${cmp.differingVerdicts}.`;
  if (cmp.rows.length <= MAX_COMPARE_ROWS) return { a: head(a), b: head(b), summary, rows: cmp.rows, hidden: null };
  const half = MAX_COMPARE_ROWS / 2;
  const middle = cmp.rows.slice(half, cmp.rows.length - half);
  return {
    a: head(a),
    b: head(b),
    summary,
    rows: [...cmp.rows.slice(0, half), ...cmp.rows.slice(cmp.rows.length - half)],
    hidden: { after: cmp.rows[half - 1].commit, count: middle.length, differing: middle.filter((r) => r.verdictsDiffer).length },
  };
}
