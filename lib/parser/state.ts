// The mutable state of one parse: the log being built and which multi-line record is open.
// Every section module reads and writes it; index.ts owns the loop.
import { newFileIndex, type FileIndex } from "./culprit";
import type { AllRuns, BisectionLog, FoundCommit, Run, Step, StepRole } from "./types";

/** Which record continuation lines (lines that are no known head) belong to. */
export type Mode =
  | "top" // nothing open: an unknown line is a warning
  | "step" // a test block with no runs yet: an unknown line starts a bare build error
  | "run" // a run record (ssh output may follow on further lines)
  | "build" // a build error (`failed building ...` or a bare compiler error)
  | "git" // git's output after `# git bisect ...`
  | "commit" // the found-commit block after `<sha> is the first bad commit`
  | "candidates" // 40-hex lines after an inconclusive result or git's skip list
  | "text" // other multi-line records (fetch failed, config-bisect.pl output, ...)
  | "error" // `error: ...`: everything to the end of the log
  | "crash"; // `crash: ...`: the report, to the end of the log

export interface State {
  log: BisectionLog;
  mode: Mode;
  /** the open test block, closed by its git verdict */
  step: Step | null;
  /** the open run record, for continuation lines */
  run: Run | AllRuns | null;
  /** the role the next `testing commit` gets (`testing release v5.11` -> release) */
  pendingRole: { role: StepRole; release: string | null } | null;
  /** `# git bisect start` seen: later test blocks are bisection steps */
  bisecting: boolean;
  /** `[sha] subject` lines of git, by sha */
  subjects: Map<string, string>;
  /** the step the last git verdict settled, for `Bisecting: N revisions left` */
  verdictStep: Step | null;
  /** `# git bisect start` or a verdict was the last git command: its `Bisecting: N` is to come */
  leftDue: boolean;
  /** that N, for the next bisect step (the commit git chose with it) */
  pendingLeft: number | null;
  /** the found-commit block being read, and where in it we are */
  commit: FoundCommit | null;
  /** the open commit block's files by path (culprit.ts) */
  files: FileIndex;
  commitPart: "head" | "message" | "stat";
  messageLines: string[];
  /** `first bad commit: <sha> <subject>` / `first good commit:` */
  firstCommit: { kind: "bad" | "good"; hash: string; subject: string; line: number } | null;
  /** where `candidates` lines go: syzkaller's inconclusive list, or git's skip list (ignored) */
  candidatesTarget: "result" | "git";
  horizon: boolean;
  /** signals for the type of a log whose head is missing */
  fixSignals: number;
  /** a bisection header line was seen (`bisecting cause commit starting from ...`) */
  sawHeader: boolean;
  /** lines that only a bisection log has (`testing commit`, `# git bisect`, `run #N:` ...) */
  markers: number;
  /** a known record head was seen (before it, lines of a cut-off head are not warnings) */
  sawHead: boolean;
  /** unknown lines after git output that may be the bare error before `failed building` */
  stray: { line: number; text: string }[];
  errorParts: string[];
  errorEnd: number;
  /** a header whose start commit is not a commit hash: the text is refused */
  badStart: { line: number; value: string } | null;
}

export function newLog(lineCount: number): BisectionLog {
  return {
    type: "cause",
    outcome: "incomplete",
    startCommit: "",
    syzkallerCommit: null,
    host: null,
    startedAt: null,
    commit: null,
    candidates: [],
    steps: [],
    bisectStart: null,
    crash: null,
    error: null,
    horizonCommitMessage: null,
    culpritSignature: null,
    parentSignature: null,
    errorProbability: null,
    flaky: null,
    revisionsTested: null,
    totalSeconds: null,
    buildSeconds: null,
    testSeconds: null,
    recipientsTo: [],
    recipientsCc: [],
    resultLine: null,
    headTruncated: false,
    truncated: false,
    lineCount,
    warnings: [],
  };
}

export function newState(lineCount: number): State {
  return {
    log: newLog(lineCount),
    mode: "top",
    step: null,
    run: null,
    pendingRole: null,
    bisecting: false,
    subjects: new Map(),
    verdictStep: null,
    leftDue: false,
    pendingLeft: null,
    commit: null,
    files: newFileIndex(),
    commitPart: "head",
    messageLines: [],
    firstCommit: null,
    candidatesTarget: "result",
    horizon: false,
    fixSignals: 0,
    sawHeader: false,
    markers: 0,
    sawHead: false,
    stray: [],
    errorParts: [],
    errorEnd: 0,
    badStart: null,
  };
}

export function newStep(st: State, commit: string, role: StepRole, release: string | null, line: number): Step {
  const step: Step = {
    index: st.log.steps.length,
    commit,
    role,
    release,
    subject: st.subjects.get(commit) ?? null,
    compiler: null,
    compilerType: null,
    kernelSignature: null,
    buildError: null,
    runs: [],
    allRuns: null,
    representativeCrash: null,
    falseNegativeChance: null,
    notes: [],
    verdict: null,
    verdictLine: null,
    revisionsLeft: null,
    revisionsLeftAtTest: null,
    untested: false,
    line,
    endLine: line,
  };
  if (role === "bisect") {
    step.revisionsLeftAtTest = st.pendingLeft;
    st.pendingLeft = null;
  }
  st.log.steps.push(step);
  return step;
}

/** Cap on warnings kept for one text (a 10 MB non-log would otherwise make a million). */
export const MAX_WARNINGS = 5000;

export function warn(st: State, line: number, message: string): void {
  const w = st.log.warnings;
  if (w.length < MAX_WARNINGS) w.push({ line, message });
  else if (w.length === MAX_WARNINGS) w.push({ line, message: "too many warnings; the rest are not listed" });
}

/** A line no rule places: `unrecognized line: <first words>` (grouped by message in reports). */
export function warnUnplaced(st: State, line: number, text: string): void {
  const head = text.trim().split(/\s+/, 3).join(" ");
  warn(st, line, `unrecognized line: ${head.length > 40 ? head.slice(0, 40) : head}`);
}

/** Same commit, allowing one side to be an abbreviation. */
export function sameCommit(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 7 || b.length < 7) return false;
  return a.length < b.length ? b.startsWith(a) : a.startsWith(b);
}
