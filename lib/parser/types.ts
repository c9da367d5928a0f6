// The parse of one syzbot bisection log. Flat, serialisable, every item with the 1-based log
// line it came from (`line`), so the UI can link to `/b/<id>/log#L<line>`.
// Failure is data: a text that is not a bisection log gives `rejected`, never an exception.

// The words (type, outcome, run outcome, step role, git verdict, frame section) and what each
// means: lib/domain/words.ts.
import type { BisectionType, FrameSection, GitVerdict, Outcome, RunOutcome, StepRole } from "@/lib/domain/words";

export type { BisectionType, FrameSection, GitVerdict, Outcome, RunOutcome, StepRole };

export interface Run {
  /** the N of `run #N` */
  index: number;
  outcome: RunOutcome;
  /** crash title or error text after the verdict word; null for OK. Multi-line records are
   *  joined with "\n" (CRs removed). */
  title: string | null;
  line: number;
  /** last log line of a multi-line run record */
  endLine: number;
}

export interface AllRuns {
  outcome: RunOutcome;
  title: string | null;
  line: number;
}

export interface Step {
  /** 0-based position in log order */
  index: number;
  /** full 40-hex hash (or, in old logs, what the log printed) */
  commit: string;
  role: StepRole;
  /** release tag for role "release" (`v5.11`), else null */
  release: string | null;
  /** subject from git's `[sha] subject` line announcing this commit, if any */
  subject: string | null;
  /** `with <compiler>` text of old logs, or the `compiler:` line */
  compiler: string | null;
  /** `gcc` / `clang` word of 2022+ `testing commit <sha> <type>` lines */
  compilerType: string | null;
  /** 40 or 64 hex */
  kernelSignature: string | null;
  /** text of `failed building ...` or a bare build error, multi-line joined with "\n" */
  buildError: string | null;
  /** `run #N` records in order; empty when the log says `all runs:` or nothing ran */
  runs: Run[];
  allRuns: AllRuns | null;
  /** `representative crash: <title>, types: [...]` (2023+) */
  representativeCrash: { title: string; types: string[]; line: number } | null;
  /** `false negative chance: 0.NNN` (2023+) */
  falseNegativeChance: number | null;
  /** other test-block notes: `reproducer seems to be flaky`, `unable to determine the verdict: ...`,
   *  `repro testing failure: ...` */
  notes: { text: string; line: number }[];
  /** word of the `# git bisect <word> <this commit>` line that settled it, as logged; null if none.
   *  For the start commit of a cause bisection this is null (git's `start` line names it bad). */
  verdict: GitVerdict | null;
  verdictLine: number | null;
  /** `Bisecting: N revisions left` printed by git right after this step's verdict */
  revisionsLeft: number | null;
  /** for bisect steps: the `Bisecting: N revisions left` git printed when it chose this commit
   *  (after `git bisect start` or the previous verdict); null for other roles, or when git
   *  printed no count (`Bisecting: a merge base must be tested`) */
  revisionsLeftAtTest: number | null;
  /** true when the step has a git verdict but no `testing commit` block (fix presence check, skip) */
  untested: boolean;
  /** first and last log line of the block */
  line: number;
  endLine: number;
}

export interface ChangedFile {
  path: string;
  /** `create mode` in the summary */
  created: boolean;
  /** `delete mode` in the summary */
  deleted: boolean;
  /** from the diffstat `| N +++--`; null for raw-diff blocks and binary files */
  changes: number | null;
  insertions: number | null;
  deletions: number | null;
  line: number;
}

/** The commit a bisection found (culprit for cause, fix for fix bisections). */
export interface FoundCommit {
  hash: string;
  subject: string;
  /** `Name <email>` as printed */
  author: string;
  authorName: string;
  authorEmail: string;
  /** `Date:` line as printed (`Mon Jan 11 15:37:07 2021 +0000`) */
  date: string;
  /** ISO 8601 (UTC) of `date`, or null when it cannot be read */
  dateIso: string | null;
  /** message body after the subject, de-indented, without trailing empty lines */
  message: string;
  /** parent abbreviations of a `Merge:` line; empty for single-parent commits */
  mergeParents: string[];
  files: ChangedFile[];
  /** `N files changed, X insertions(+), Y deletions(-)` */
  filesChanged: number | null;
  insertions: number | null;
  deletions: number | null;
  /** first line (`<sha> is the first bad commit`) and last line of the commit block */
  line: number;
  endLine: number;
}

export interface Frame {
  function: string;
  /** hex offset and size of `func+0xOFF/0xSIZE`, as numbers; null for inline frames */
  offset: number | null;
  size: number | null;
  /** source path as printed (relative to the kernel tree), null when unsymbolized */
  file: string | null;
  /** source line (may be -1 in 2025+ reports), null when unsymbolized */
  line: number | null;
  inline: boolean;
  /** `[module]` bracket */
  module: string | null;
  /** `? ` prefix (x86 unreliable frame) */
  unreliable: boolean;
  section: FrameSection;
  /** the log line number the frame was read from */
  logLine: number;
  /** stack context the frame is in: `IRQ`, `TASK`, `NMI`, `SOFTIRQ` ... from `<IRQ>` markers; null outside */
  context: string | null;
}

export interface CrashReport {
  /** title after `crash:` */
  title: string;
  /** line of `crash: ...` */
  line: number;
  /** first and last line of the report body; equal to `line` when the body is empty */
  endLine: number;
  /** the oops headline (`WARNING: CPU: 0 PID: 8762 at ...`, `BUG: KASAN: ...`), if found */
  header: string | null;
  frames: Frame[];
  /** the file a maintainer would own (set by lib/analysis/guilty when called; null here) */
  guiltyFile: string | null;
  guiltyFrame: number | null;
}

export interface ParseWarning {
  line: number;
  message: string;
}

export interface BisectionLog {
  type: BisectionType;
  outcome: Outcome;
  /** `bisecting cause commit starting from <sha>` / `bisecting fixing commit since <sha>` */
  startCommit: string;
  /** `building syzkaller on <sha>` */
  syzkallerCommit: string | null;
  /** `<host> starts bisection <time>` (2022-07+) */
  host: string | null;
  /** when the bisection started, ISO 8601 UTC, from that line's `<time>`; null when the log has no such line */
  startedAt: string | null;
  /** the found commit, when outcome is "found" */
  commit: FoundCommit | null;
  /** full hashes, when outcome is "inconclusive" */
  candidates: string[];
  steps: Step[];
  /** `# git bisect start <bad> <good>`: the initial range; `revisionsLeft`: the count of git's
   *  `Bisecting: N revisions left` that follows it (null when it printed none) */
  bisectStart: { bad: string; good: string; line: number; revisionsLeft: number | null } | null;
  crash: CrashReport | null;
  /** text after `error:`, multi-line joined with "\n" */
  error: string | null;
  /** horizon results: `commit msg: <subject>` */
  horizonCommitMessage: string | null;
  culpritSignature: string | null;
  parentSignature: string | null;
  /** `accumulated error probability: 0.NN` (2023+) */
  errorProbability: number | null;
  /** `reproducer is flaky (0.37 repro chance estimate)` / `Reproducer flagged being flaky` */
  flaky: { text: string; reproChance: number | null; line: number } | null;
  revisionsTested: number | null;
  /** seconds, from `total time: ... (build: ..., test: ...)` */
  totalSeconds: number | null;
  buildSeconds: number | null;
  testSeconds: number | null;
  /** recipients: `cc:` (2019-2020) go to `cc`; `recipients (to)`/`(cc)` to their own lists */
  recipientsTo: string[];
  recipientsCc: string[];
  /** log lines of result and summary lines, for linking: `first bad commit:` etc. */
  resultLine: number | null;
  /** the log's first line was cut off (syzbot drops the head of oversized logs) */
  headTruncated: boolean;
  /** the log stops before a result line */
  truncated: boolean;
  lineCount: number;
  warnings: ParseWarning[];
}

/** What `parseBisectionLog` returns: a parse, or a rejection saying what the text looked like. */
export type ParseResult =
  | { ok: true; log: BisectionLog }
  | { ok: false; reason: string; line: number | null };

/** What one log line was, for the per-kind benchmark (bench/parse.ts): the name of the pattern
 *  that read it (patterns.ts `P`), or what it continued (`run continued`, `crash report: frame`). */
export type LineKind = string;
/** Called after each line with its kind (benchmarks only; null in every other use). */
export type LineProbe = (kind: LineKind) => void;
