// The domain's words, each list once: what a bisection log can say (type, outcome, step role,
// git verdict, run outcome, frame section), what the judge says (verdict, severity, rule,
// off-target kind, guilty rule) and what developers say (marks). The parser's and the judge's
// types, the zod enums of lib/validations and lib/data, the PostgreSQL CHECK constraints
// (lib/domain/columns.ts, checked against the database by prisma/vocabulary-sync.test.ts) and
// every label, mark and tone the UI shows derive from here: when syzbot adds a word, it is
// added here, in a migration that widens its CHECK constraint, and wherever the compiler then
// asks for it (every table below is keyed by its list's type, so none can miss a word). Pure.

/** The words of a list, as a type. */
export type Word<L extends readonly string[]> = L[number];

// ---- the log ------------------------------------------------------------------------------

export const BISECTION_TYPES = ["cause", "fix"] as const;
export type BisectionType = Word<typeof BISECTION_TYPES>;

/** What a bisection finds: a cause bisection's culprit, a fix bisection's fix. */
export const FOUND_WORDS = ["culprit", "fix"] as const;
export type FoundWord = Word<typeof FOUND_WORDS>;

/** What a bisection of each type finds, and how a kernel developer uses it. */
export const BISECTION_TYPE: Record<BisectionType, { found: FoundWord; tag: string }> = {
  // the culprit goes into a `Fixes:` tag
  cause: { found: "culprit", tag: "Fixes:" },
  // the fix closes the bug on syzbot with `#syz fix: <subject>`
  fix: { found: "fix", tag: "#syz fix:" },
};

/** "culprit" for a cause bisection's result, "fix" for a fix bisection's. */
export function foundWord(type: BisectionType): FoundWord {
  return BISECTION_TYPE[type].found;
}

/** found: one commit named; inconclusive: several candidates; horizon: the oldest release
 *  (cause) or HEAD (fix) already crashes; error: syzkaller gave up with `error: ...`;
 *  incomplete: the log stops before any result line. */
export const OUTCOMES = ["found", "inconclusive", "horizon", "error", "incomplete"] as const;
export type Outcome = Word<typeof OUTCOMES>;

/** `label`: a word for a table cell; `cause`/`fix`: the result in words, as syzbot's
 *  dashboard would say it ("introduced by <commit>"). */
export const OUTCOME: Record<Outcome, { label: Record<BisectionType, string>; cause: string; fix: string }> = {
  found: { label: { cause: "found", fix: "found" }, cause: "introduced by", fix: "fixed by" },
  inconclusive: { label: { cause: "inconclusive", fix: "inconclusive" }, cause: "could be any of", fix: "could be any of" },
  horizon: { label: { cause: "oldest release", fix: "still on HEAD" }, cause: "happens on the oldest tested release", fix: "still happens on HEAD" },
  error: { label: { cause: "error", fix: "error" }, cause: "failed", fix: "failed" },
  incomplete: { label: { cause: "incomplete", fix: "incomplete" }, cause: "incomplete log", fix: "incomplete log" },
};

/** The outcome in words for `type`: "introduced by", "fixed by", "could be any of", ... */
export function outcomeWords(type: BisectionType, outcome: Outcome): string {
  return OUTCOME[outcome][type];
}

/** Why a commit was tested. */
export const STEP_ROLES = ["start", "release", "head", "merge-base", "minimize", "bisect", "parent"] as const;
export type StepRole = Word<typeof STEP_ROLES>;

export const STEP_ROLE: Record<StepRole, string> = {
  start: "start", // the first test of the original (start) commit
  release: "release", // after `testing release vX.Y`
  head: "HEAD", // after `testing current HEAD <sha>` (fix bisections)
  "merge-base": "merge base", // cross-tree fix bisection merge base
  minimize: "minimize", // re-tests during kconfig minimization
  bisect: "bisect", // a git bisect step
  parent: "parent", // build-only test of the culprit's parent (`parent commit ... wasn't tested`)
};

/** A step's role in words: `release v5.10`, `HEAD`, `merge base`, `bisect`. */
export function roleWords(role: StepRole, release: string | null): string {
  return role === "release" && release ? `release ${release}` : STEP_ROLE[role];
}

/** The word of a `# git bisect <word> <commit>` line. */
export const GIT_VERDICTS = ["good", "bad", "skip"] as const;
export type GitVerdict = Word<typeof GIT_VERDICTS>;

/** The shapes run and step outcomes are drawn with (components/bisection/run-shapes.tsx):
 *  filled square crashed, hollow square OK, triangle boot failed, slashed circle failed basic
 *  kernel testing (the matrix's ⊘), diamond infra or other failure, circle ignored, a dash for
 *  nothing to show. Boot and basic-testing failures are outcomes of their own in the log (and
 *  carry a crash title), so each has the shape the matrix marks it with. */
export const MARKS = ["crashed", "ok", "boot", "basic", "failed", "ignored", "none"] as const;
export type Mark = Word<typeof MARKS>;

/** What each shape stands for, as the timeline's legend says it. */
export const MARK: Record<Mark, string> = {
  crashed: "crashed",
  ok: "OK",
  boot: "boot failed",
  basic: "failed basic kernel testing",
  failed: "infra or other failure",
  ignored: "ignored",
  none: "nothing to show",
};

/** One run of the reproducer on a tested kernel (`run #N: <log word>: <title>`). */
export const RUN_OUTCOMES = ["ok", "crashed", "boot-failed", "test-failed", "infra", "ignored", "failed"] as const;
export type RunOutcome = Word<typeof RUN_OUTCOMES>;

/** `log`: the words syzkaller prints for it; `label`: ours; `count`: what the judge counts it as
 *  (lost runs say nothing about the bug); `signature`: its title names a crash (a crash
 *  signature row, a column of the signature matrix). */
export const RUN_OUTCOME: Record<RunOutcome, { log: string; label: string; mark: Mark; count: "ok" | "crashed" | "boot" | "lost"; signature: boolean }> = {
  ok: { log: "OK", label: "OK", mark: "ok", count: "ok", signature: false },
  crashed: { log: "crashed", label: "crashed", mark: "crashed", count: "crashed", signature: true },
  "boot-failed": { log: "boot failed", label: "boot failed", mark: "boot", count: "boot", signature: true },
  "test-failed": { log: "basic kernel testing failed", label: "basic testing failed", mark: "basic", count: "lost", signature: false },
  infra: { log: "infra problem", label: "infra problem", mark: "failed", count: "lost", signature: false },
  ignored: { log: "ignore", label: "ignored", mark: "ignored", count: "lost", signature: false },
  failed: { log: "failed", label: "failed", mark: "failed", count: "lost", signature: false },
};

/** The stacks of a crash report a frame can be in. */
export const FRAME_SECTIONS = ["header", "rip", "call-trace", "allocated", "freed", "other-stack"] as const;
export type FrameSection = Word<typeof FRAME_SECTIONS>;

/** `label`: the section's heading on the page; `crash`: a stack of the crash itself (where it
 *  happened), not of an allocation, a free or another task. */
export const FRAME_SECTION: Record<FrameSection, { label: string; crash: boolean }> = {
  header: { label: "Reported at", crash: true }, // WARNING: CPU: ... at ..., BUG: KASAN: ... in f+0x/0x
  rip: { label: "Instruction pointer (RIP / pc)", crash: true }, // RIP: 0010: / pc : / lr : / PC is at / LR is at
  "call-trace": { label: "Call trace", crash: true }, // Call Trace: / Call trace: / Backtrace:
  allocated: { label: "Allocated by", crash: false }, // KASAN Allocated by task N:
  freed: { label: "Freed by", crash: false }, // KASAN Freed by task N:
  "other-stack": { label: "Other stack", crash: false }, // lockdep chains, page_owner, work creation, ...
};

// ---- the judge ----------------------------------------------------------------------------

/** found/inconclusive results get a judgement; horizon, error and incomplete get `n/a`. */
export const VERDICTS = ["likely-wrong", "doubtful", "clean", "n/a"] as const;
export type Verdict = Word<typeof VERDICTS>;

/** How the UI shows a verdict: mark and word (colour, from `tone`, only adds to them). */
export const VERDICT: Record<Verdict, { label: string; mark: string; tone: Tone }> = {
  "likely-wrong": { label: "likely wrong", mark: "✖", tone: "bad" },
  doubtful: { label: "doubtful", mark: "▲", tone: "warn" },
  clean: { label: "no warning signs", mark: "✓", tone: "good" },
  "n/a": { label: "n/a", mark: "·", tone: "muted" },
};

/** Colour families of the theme (app/globals.css); components map them to classes. */
export type Tone = "bad" | "warn" | "good" | "muted";

export const SEVERITIES = ["high", "medium", "low", "info"] as const;
export type Severity = Word<typeof SEVERITIES>;

/** `rank`: order for sorting and deciding (lib/analysis/verdict.ts). */
export const SEVERITY: Record<Severity, { rank: number; mark: string }> = {
  high: { rank: 3, mark: "▲▲" },
  medium: { rank: 2, mark: "▲" },
  low: { rank: 1, mark: "△" },
  info: { rank: 0, mark: "i" },
};

/** Stable rule ids of the judge's findings: the UI keys explanations on them, the chance model
 *  its weights (lib/analysis/data/chance-weights.json), the bench its counts. */
export const RULE_IDS = [
  "title-drift", // the crash chased at the culprit is not the crash of the start commit
  "crash-in-boot", // the chased crash also fires while booting, without the reproducer
  "detector-commit", // the culprit adds or changes the tool that reports the crash
  "stack-overlap", // the crash stack against the files the culprit touched
  "flaky-bad", // a crashed verdict from few crashes (git's `bad`; `good` in fix bisections)
  "flaky-good", // a did-not-crash verdict that may be a false negative (git's `good`; `bad` in fix)
  "noop-culprit", // culprit and parent build the same kernel
  "merge-culprit",
  "release-culprit",
  "scope-only", // the culprit cannot change the kernel that crashed
  "infra-share", // runs lost to infrastructure, and steps decided with them
  "mixed-signatures", // one commit gave several different crashes
  "head-cut", // the log's head is missing: the start commit's crash is unknown
  "low-confidence", // syzkaller's own confidence is below its cut-off
  "deep-history", // the reproducer crashed on many releases: the bug is old
  "off-target", // crashed verdicts decided by crashes that are not the bug
  "new-interface", // the culprit adds to the user-space API and is far from the crash
] as const;
export type RuleId = Word<typeof RULE_IDS>;

/** What kind of crash decided a verdict when it was not the bug (lib/analysis/off-target-kind.ts). */
export const OFF_TARGET_KINDS = ["unspecific", "other-subsystem", "unseen"] as const;
export type OffTargetKind = Word<typeof OFF_TARGET_KINDS>;

/** How syzbot's guilty-file scan chose the file (lib/analysis/guilty.ts): the first file not
 *  ignored; a deeper path in the same directory below it; every file ignored, the first taken. */
export const GUILTY_RULES = ["first", "deeper", "fallback"] as const;
export type GuiltyRule = Word<typeof GUILTY_RULES>;

// ---- developers ---------------------------------------------------------------------------

/** A developer's stored mark on a bisection. */
export const MARK_VERDICTS = ["right", "wrong"] as const;
export type MarkVerdict = Word<typeof MARK_VERDICTS>;

/** What the mark form and API accept: `culprit` is stored as `wrong` with the real culprit. */
export const MARK_CHOICES = ["right", "wrong", "culprit"] as const;
export type MarkChoice = Word<typeof MARK_CHOICES>;

export const MARK_CHOICE: Record<MarkChoice, string> = {
  right: "right",
  wrong: "wrong",
  culprit: "wrong: the real culprit is",
};

// ---- reading words back -------------------------------------------------------------------

const sets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether `value` is a word of `list`. */
export function isWord<L extends readonly string[]>(list: L, value: unknown): value is Word<L> {
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list)));
  return typeof value === "string" && set.has(value);
}

/** `value` as a word of `list`, or an error saying where it came from and which words there are. */
export function word<L extends readonly string[]>(list: L, value: unknown, where: string): Word<L> {
  if (isWord(list, value)) return value;
  throw new Error(`${where}: ${JSON.stringify(value)} is not one of ${list.join(", ")}`);
}
