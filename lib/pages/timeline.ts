// The tested commits as the timeline table shows them: per row its verdict in words, the
// revisions git had left when it chose the commit (as the parser stored them), kernels built
// identically to an earlier row's, which row is the found commit or a candidate, the row's
// notes; and the crash-signature matrix beside them. Pure.
import { foundWord, roleWords, RUN_OUTCOME, type BisectionType, type Mark } from "@/lib/domain/words";
import { stepVerdict, type StepVerdict } from "@/lib/domain/step-verdict";
import { headline, numbersIgnored } from "@/lib/analysis/blocking";
import { shortHash } from "@/lib/format";
import { signatureColumns, type SignatureColumn } from "./signatures";
import type { PageRun, PageStep } from "./types";

/** Log-scale length 0..1 so 11797 -> 0 reads as a steady descent. */
export function logScale(n: number, max: number): number {
  return max > 0 ? Math.log10(n + 1) / Math.log10(max + 1) : 0;
}

/** For each step whose kernel signature equals an earlier step's: that earlier step's index. */
export function sameBinaryAs(steps: PageStep[]): Map<number, number> {
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
export function foundRow(steps: PageStep[], hash: string | null | undefined): number | null {
  if (!hash) return null;
  let at: number | null = null;
  for (const s of steps) if (s.commitHash === hash) at = s.index;
  return at;
}

/** A run's title as one line of at most 160 characters (a machinery message runs over lines;
 *  the log has it whole). */
export function shortTitle(title: string): string {
  const one = headline(title);
  return one.length > 160 ? `${one.slice(0, 158)}…` : one === title ? title : `${one} …`;
}

/** A run in words, for its tooltip: `run 3: boot failed: WARNING in kvm_wait` */
export function runLabel(r: Pick<PageRun, "index" | "outcome" | "title">): string {
  return `run ${r.index}: ${RUN_OUTCOME[r.outcome].label}${r.title ? `: ${shortTitle(r.title)}` : ""}`;
}

/** The runs of a commit in words, for its accessible label: "10 runs: 5 crashed: WARNING in kvm_wait, 5 OK". */
export function runSummary(runs: Pick<PageRun, "outcome" | "title">[]): string {
  // machinery messages that differ only in an address count as one
  const by = new Map<string, { text: string; n: number }>();
  for (const r of runs) {
    const text = `${RUN_OUTCOME[r.outcome].label}${r.title ? `: ${shortTitle(r.title)}` : ""}`;
    const key = numbersIgnored(text);
    const e = by.get(key);
    if (e) e.n++;
    else by.set(key, { text, n: 1 });
  }
  return `${runs.length} run${runs.length === 1 ? "" : "s"}: ${[...by.values()].map((e) => `${e.n} ${e.text}`).join(", ")}`;
}

/** A build error as the timeline and its summary name it: its first line. */
const firstLine = (text: string) => {
  const nl = text.indexOf("\n");
  return nl < 0 ? text : text.slice(0, nl);
};

/** Commits that could not be built with one error (its first line), in test order. */
export interface BuildFailure {
  error: string;
  steps: { index: number; commit: string; line: number }[];
}

/** The build errors of the tested commits, most commits first: git skips each such commit, so
 *  an error that stops many leaves the range wide (27 of /b/d5c6e264ce4c's 42 commits). */
export function buildFailures(steps: Pick<PageStep, "index" | "commitHash" | "line" | "buildError">[]): BuildFailure[] {
  const by = new Map<string, BuildFailure>();
  for (const s of steps) {
    if (!s.buildError) continue;
    const error = firstLine(s.buildError);
    const f = by.get(error) ?? { error, steps: [] };
    f.steps.push({ index: s.index, commit: s.commitHash, line: s.line });
    by.set(error, f);
  }
  return [...by.values()].sort((a, b) => b.steps.length - a.steps.length);
}

/** A step's notes in the timeline: its build error's first line, then the log's own notes. */
export function stepNotes(s: Pick<PageStep, "buildError" | "notes">): string[] {
  const out: string[] = [];
  if (s.buildError) out.push(`${BUILD_FAILED}${firstLine(s.buildError)}`);
  for (const n of s.notes) if (n.text) out.push(n.text);
  return out;
}

const BUILD_FAILED = "build failed: ";

/** Past this many characters a note is long: clamped to two lines, and written once. */
export const LONG_NOTE = 60;

/** A note of the timeline; a long one that an earlier row already carries word for word (the
 *  same compiler error at 27 skipped commits) names that row instead of repeating it. */
export interface TimelineNote {
  text: string;
  /** the first row with this note, when it is long and not this row */
  sameAs: number | null;
  /** what the note is, for "same build error as #7" */
  kind: "build error" | "note";
}

/** Each row's notes, long ones written out at their first row only. */
export function timelineNotes(steps: Pick<PageStep, "index" | "buildError" | "notes">[]): TimelineNote[][] {
  const first = new Map<string, number>();
  return steps.map((s) =>
    stepNotes(s).map((text, i): TimelineNote => {
      const kind = i === 0 && s.buildError ? "build error" : "note";
      if (text.length <= LONG_NOTE) return { text, sameAs: null, kind };
      const at = first.get(text);
      if (at === undefined) first.set(text, s.index);
      return { text, sameAs: at ?? null, kind };
    }),
  );
}

/** Consecutive runs that ended alike (same outcome, same title): drawn as `count` shapes under
 *  one tooltip, "runs 0–4: crashed: WARNING in kvm_wait", so a page of hundreds of runs does
 *  not send each run's words twice (HTML and React's payload). */
export interface RunGroup {
  /** the first run's log line */
  key: number;
  mark: Mark;
  count: number;
  label: string;
}

export function runGroups(runs: Pick<PageRun, "index" | "outcome" | "title" | "line">[]): RunGroup[] {
  const out: RunGroup[] = [];
  let from = 0;
  for (let i = 1; i <= runs.length; i++) {
    const a = runs[from];
    const b = runs[i];
    if (b && b.outcome === a.outcome && b.title === a.title && b.index === runs[i - 1].index + 1) continue;
    const last = runs[i - 1];
    const label = from === i - 1 ? runLabel(a) : `runs ${a.index}–${last.index}${runLabel(a).slice(`run ${a.index}`.length)}`;
    out.push({ key: a.line, mark: RUN_OUTCOME[a.outcome].mark, count: i - from, label });
    from = i;
  }
  return out;
}

/** The runs of a row: its runs as shapes in groups of alike runs, or the one `all runs:` line. */
export type RunsView =
  | { kind: "all"; mark: Mark; words: string; label: string }
  | { kind: "runs"; summary: string; runs: RunGroup[]; /** runs past MAX_RUN_GROUPS, not drawn */ more: number }
  | { kind: "none"; why: string };

/** Shapes drawn per row: syzbot runs 10-20 reproducer runs a commit (the corpus's most is 20); a
 *  log that claims thousands gets its first groups drawn and the rest counted. */
export const MAX_RUN_GROUPS = 24;

export function runsView(s: PageStep): RunsView {
  if (s.allRunsOutcome) {
    const words = RUN_OUTCOME[s.allRunsOutcome].label;
    return { kind: "all", mark: RUN_OUTCOME[s.allRunsOutcome].mark, words, label: `all runs ${words}${s.allRunsTitle ? `: ${s.allRunsTitle}` : ""} (run count not logged)` };
  }
  if (!s.runs.length) return { kind: "none", why: s.buildError ? "build failed" : s.untested ? "not tested" : "no runs" };
  const groups = runGroups(s.runs);
  const drawn = groups.length > MAX_RUN_GROUPS ? groups.slice(0, MAX_RUN_GROUPS) : groups;
  const more = s.runs.length - drawn.reduce((n, g) => n + g.count, 0);
  return { kind: "runs", summary: runSummary(s.runs), runs: drawn, more };
}

export interface TimelineRow {
  index: number;
  commit: string;
  subject: string | null;
  role: string;
  line: number;
  endLine: number;
  verdict: StepVerdict;
  /** revisions left when git chose this commit (bisect steps) */
  left: number | null;
  /** 0..1, the bar beside `left` */
  leftScale: number;
  runs: RunsView;
  /** the row of the found commit, or one of the inconclusive result's candidates */
  found: boolean;
  candidate: boolean;
  /** an earlier row whose kernel was built identically */
  sameAs: number | null;
  notes: TimelineNote[];
  /** the row read aloud: `#3 bisect c5a58f877ca6 crashed, culprit` */
  label: string;
}

export interface TimelineView {
  type: BisectionType;
  /** the rows drawn: every tested commit, or past MAX_TIMELINE_ROWS its first and last ones and
   *  the found commit's */
  rows: TimelineRow[];
  /** tested commits in all, drawn or not */
  steps: number;
  /** runs of rows not drawn, each before the drawn row `before` (null: at the end) */
  gaps: { before: number | null; count: number; fromLine: number; toLine: number }[];
  columns: SignatureColumn[];
  /** crash titles past MAX_SIGNATURE_COLUMNS, not drawn as columns */
  hiddenColumns: number;
  /** characters the subject column asks for where there is room (subjectChars); 0: no subjects */
  subjectChars: number;
}

/** Characters of a subject the column draws at most: 8,841 of the 8,846 tested commits' subjects
 *  in the corpus fit (the five longer, 138 to 235 characters, are merges of many branches and a
 *  commit message's first paragraph as its subject); wider, one subject would take half a wide
 *  screen on every row. */
export const MAX_SUBJECT_CHARS = 132;

/** The subject column's width in characters: the drawn rows' longest subject, at most
 *  MAX_SUBJECT_CHARS; a longer one is cut with an ellipsis and whole in its tooltip. */
export function subjectChars(subjects: readonly (string | null)[]): number {
  let n = 0;
  for (const s of subjects) if (s) n = Math.max(n, [...s].length);
  return Math.min(n, MAX_SUBJECT_CHARS);
}

/** Rows drawn: the corpus's longest bisection tested 415 commits; a log of thousands gets its
 *  first and last MAX_TIMELINE_ROWS / 2 (and the found commit's), the rest in the raw log. */
export const MAX_TIMELINE_ROWS = 500;
/** Crash-title columns drawn (A-Z): the start's and the final title's first, then those seen at
 *  the most commits; the others stay in each row's run tooltips and the raw log. */
export const MAX_SIGNATURE_COLUMNS = 26;

function keptColumns(columns: SignatureColumn[]): SignatureColumn[] {
  if (columns.length <= MAX_SIGNATURE_COLUMNS) return columns;
  const rank = (c: SignatureColumn) => (c.isStart || c.isFinal ? Infinity : c.rows.length);
  const kept = new Set(
    columns
      .map((c, i) => ({ c, i }))
      .sort((a, b) => rank(b.c) - rank(a.c) || a.i - b.i)
      .slice(0, MAX_SIGNATURE_COLUMNS)
      .map((x) => x.c),
  );
  // in their order of first appearance, so the letters still read left to right in time
  return columns.filter((c) => kept.has(c));
}

export function timelineView(
  type: BisectionType,
  steps: PageStep[],
  opts: { startTitle: string | null; finalTitle: string | null; foundHash: string | null; candidates: string[]; sameBinary: Map<number, number> },
): TimelineView {
  const found = foundRow(steps, opts.foundHash);
  const candidates = new Set(opts.candidates);
  // a loop, not Math.max(...): a spread of 150,000 arguments overflows the stack
  const leftMax = steps.reduce((m, s) => Math.max(m, s.revisionsLeftAtTest ?? 0), 0);
  const notes = timelineNotes(steps);
  const rows = steps.map((s, i): TimelineRow => {
    const verdict = stepVerdict(type, s);
    const role = roleWords(s.role, s.release);
    const isFound = found === s.index;
    return {
      index: s.index,
      commit: s.commitHash,
      subject: s.subject,
      role,
      line: s.line,
      endLine: s.endLine,
      verdict,
      left: s.revisionsLeftAtTest,
      leftScale: s.revisionsLeftAtTest === null ? 0 : logScale(s.revisionsLeftAtTest, leftMax),
      runs: runsView(s),
      found: isFound,
      candidate: candidates.has(s.commitHash),
      sameAs: opts.sameBinary.get(s.index) ?? null,
      notes: notes[i],
      label: `#${s.index} ${role} ${shortHash(s.commitHash)} ${verdict.words}${isFound ? `, ${foundWord(type)}` : ""}`,
    };
  });
  const all = signatureColumns(steps, opts.startTitle, opts.finalTitle);
  const columns = keptColumns(all);
  if (rows.length <= MAX_TIMELINE_ROWS) return { type, rows, steps: rows.length, gaps: [], columns, hiddenColumns: all.length - columns.length, subjectChars: subjectChars(rows.map((r) => r.subject)) };
  const half = MAX_TIMELINE_ROWS / 2;
  // one pass: a row drawn closes the run of rows skipped before it
  const shown: TimelineRow[] = [];
  const gaps: TimelineView["gaps"] = [];
  let skipped: TimelineRow[] = [];
  const close = (before: number | null) => {
    if (skipped.length) gaps.push({ before, count: skipped.length, fromLine: skipped[0].line, toLine: skipped[skipped.length - 1].endLine });
    skipped = [];
  };
  rows.forEach((r, i) => {
    if (i < half || i >= rows.length - half || r.found) {
      close(r.index);
      shown.push(r);
    } else skipped.push(r);
  });
  close(null);
  // the matrix's cells of rows not drawn are not sent either
  const drawn = new Set(shown.map((r) => r.index));
  const trimmed = columns.map((c) => ({ ...c, cells: new Map([...c.cells].filter(([row]) => drawn.has(row))) }));
  return { type, rows: shown, steps: rows.length, gaps, columns: trimmed, hiddenColumns: all.length - columns.length, subjectChars: subjectChars(shown.map((r) => r.subject)) };
}
