import type { TrustedRange } from "./range";
// What the judge says about one parsed bisection. Plain data, serialisable, so the UI and the
// database can keep it as it is.

// The judge's words (severity, rule id, verdict, guilty rule) and what each means: lib/domain/words.ts.
import type { GuiltyRule, RuleId, Severity, Verdict } from "@/lib/domain/words";

export type { RuleId, Severity, Verdict };

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
  rule: GuiltyRule;
  /** files skipped above it, with the rule that skipped each (at most 12) */
  skipped: GuiltySkip[];
  /** for `deeper`: the file it took over from */
  over: string | null;
  /** RCU stalls: the interrupt entry the scan started from */
  start: string | null;
  /** 1-based log line of the oops line the scan started at, when the console lines syzbot
   *  printed before it name files (they are context, not the report); null otherwise */
  oopsLine: number | null;
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
