import type { TrustedRange } from "./range";
// What the judge says about one parsed bisection. Plain data, serialisable, so the UI and the
// database can keep it as it is.

export type Severity = "high" | "medium" | "low" | "info";

/** Stable rule ids: the UI keys explanations on them and the bench counts them. */
export type RuleId =
  | "title-drift" // the crash chased at the culprit is not the crash of the start commit
  | "crash-in-boot" // the chased crash also fires while booting, without the reproducer
  | "detector-commit" // the culprit adds or changes the tool that reports the crash
  | "stack-overlap" // the crash stack against the files the culprit touched
  | "flaky-bad" // a crashed verdict from few crashes (git's `bad`; `good` in fix bisections)
  | "flaky-good" // a did-not-crash verdict that may be a false negative (git's `good`; `bad` in fix)
  | "noop-culprit" // culprit and parent build the same kernel
  | "merge-culprit"
  | "release-culprit"
  | "scope-only" // the culprit cannot change the kernel that crashed
  | "infra-share" // runs lost to infrastructure, and steps decided with them
  | "mixed-signatures" // one commit gave several different crashes
  | "head-cut" // the log's head is missing: the start commit's crash is unknown
  | "low-confidence" // syzkaller's own confidence is below its cut-off
  | "deep-history" // the reproducer crashed on many releases: the bug is old
  | "off-target"; // crashed verdicts decided by crashes that are not the bug

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** one sentence for a kernel developer */
  message: string;
  /** 1-based log lines that are the evidence, ascending */
  lines: number[];
  /** which case of the rule fired, where the severity alone does not say (stack-overlap's
   *  info findings); the chance model keys on it */
  kind?: string;
}

/** found/inconclusive results get a judgement; horizon, error and incomplete get `n/a`. */
export type Verdict = "likely-wrong" | "doubtful" | "clean" | "n/a";

export interface GuiltySkip {
  /** the file as printed */
  file: string;
  /** 1-based log line */
  line: number;
  /** the ignore rule that skipped it */
  why: string;
}

/** The guilty file as syzbot routes a report (lib/analysis/guilty.ts). */
export interface GuiltyFrame {
  /** source file a maintainer would own, cleaned (`./` and `..` resolved) */
  file: string;
  /** index into `crash.frames` of the frame it came from; null when the line is no parsed frame */
  frameIndex: number | null;
  /** 1-based log line the file was read from */
  line: number;
  /** first: the first file not ignored; deeper: a deeper path in the same directory below it;
   *  fallback: every file ignored, the first one taken */
  rule: "first" | "deeper" | "fallback";
  /** files skipped above it, with the rule that skipped each (at most 12) */
  skipped: GuiltySkip[];
  /** for `deeper`: the file it took over from */
  over: string | null;
  /** RCU stalls: the interrupt entry the scan started from */
  start: string | null;
}

export interface Judgement {
  verdict: Verdict;
  /** short phrase for a banner, e.g. "chased a different crash" */
  headline: string;
  findings: Finding[];
  /** rule ids of the findings that decided the verdict */
  decisive: RuleId[];
  /** recomputed syzkaller confidence (product over the steps that did not crash of
   *  1-(1-p)^runs); null when the log has no crashed test to estimate p from */
  confidence: number | null;
  guilty: GuiltyFrame | null;
  /** the verdicts the judge trusts, the range they support and a replay script */
  trust: TrustedRange | null;
  /** the chance that the result is wrong (lib/analysis/chance.ts); null for `n/a` */
  chanceWrong: number | null;
  /** the model's terms that moved the chance: finding feature and its odds factor */
  chanceTerms: { feature: string; oddsFactor: number }[];
}
