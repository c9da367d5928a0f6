// The judge: findings about a parsed bisection, a verdict, and syzkaller's own confidence.
// Pure: no I/O.
import type { BisectionLog } from "@/lib/parser/types";
import { recomputeConfidence } from "./confidence";
import { buildContext, type Context, type Rule } from "./context";
import { crashInBoot } from "./rules/crash-in-boot";
import { mergeCulprit, noopCulprit, releaseCulprit, scopeOnly } from "./rules/culprit-kind";
import { detectorCommit } from "./rules/detector";
import { flakyBad, flakyGood, lowConfidence } from "./rules/flaky";
import { deepHistory } from "./rules/history";
import { infraShare, mixedSignatures } from "./rules/infra";
import { stackOverlap } from "./rules/stack-overlap";
import { isUapiHeader, newInterface } from "./rules/new-interface";
import { titleDrift } from "./rules/title-drift";
import { headCut } from "./rules/head-cut";
import { offTarget } from "./rules/off-target";
import { chanceWrong } from "./chance";
import type { Finding, Judgement } from "./types";
import { hintFor, type TrustedRange } from "./range";
import { decide, sortFindings } from "./verdict";
import { withTitleMemo } from "./steps";

export const RULES: Rule[] = [
  titleDrift,
  headCut,
  crashInBoot,
  detectorCommit,
  stackOverlap,
  newInterface,
  flakyBad,
  flakyGood,
  lowConfidence,
  noopCulprit,
  mergeCulprit,
  releaseCulprit,
  scopeOnly,
  infraShare,
  mixedSignatures,
  deepHistory,
  offTarget,
];

/** `text`: the log the parse came from, when the caller has it; the guilty file is then read
 *  from the report text as syzbot reads it, and the trusted range uses git's first
 *  `Bisecting:` count. */
export function judgeBisection(log: BisectionLog, text: string | null = null): Judgement {
  return withTitleMemo(log, () => judge(log, text));
}

/** Evidence lines kept per finding: the first ones in the log. A real log's finding cites at
 *  most ~110 (the corpus); a crafted one could cite every one of 200,000 runs, which no reader
 *  follows and the stored judgement should not carry. */
export const EVIDENCE_LINES = 200;

function judge(log: BisectionLog, text: string | null): Judgement {
  const ctx = buildContext(log, text === null ? null : text.split("\n"));
  const findings = sortFindings(RULES.flatMap((rule) => rule(ctx)).map((f) => (f.lines.length > EVIDENCE_LINES ? { ...f, lines: f.lines.slice(0, EVIDENCE_LINES) } : f)));
  const { verdict, headline, decisive } = decide(log.outcome, findings, log.type);
  const chance = verdict === "n/a" ? null : chanceWrong(findings);
  return {
    verdict,
    headline,
    findings,
    decisive,
    confidence: recomputeConfidence(log),
    guilty: ctx.guilty,
    trust: revertCaveat(ctx.trust, findings, ctx),
    chanceWrong: chance?.chance ?? null,
    chanceTerms: chance?.terms ?? [],
  };
}

/** After new-interface, the range's hint tells what to check instead of a revert (range.ts hintFor). */
function revertCaveat(trust: TrustedRange | null, findings: Finding[], ctx: Context): TrustedRange | null {
  if (!trust || !findings.some((x) => x.rule === "new-interface")) return trust;
  const found = ctx.log.commit?.hash ?? null;
  return { ...trust, hint: hintFor(ctx.log, found, trust.allTrusted, ctx.foundPaths.filter(isUapiHeader)) };
}

export { describeGuilty, findGuiltyFrame, guiltyRoute, type GuiltyRoute } from "./guilty";
export { normalisePath } from "@/lib/domain/paths";
export { trustedRange, type TrustedRange, type StepTrust } from "./range";
export { chanceWrong, chanceFeatures } from "./chance";
export { sameBug, relatedBug, titleKey } from "./titles";
export { recomputeConfidence, reproChance } from "./confidence";
export type { Finding, GuiltyFrame, GuiltySkip, Judgement, RuleId, Severity, Verdict } from "./types";
