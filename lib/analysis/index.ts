// The judge: findings about a parsed bisection, a verdict, and syzkaller's own confidence.
// Pure: no I/O.
import type { BisectionLog } from "@/lib/parser/types";
import { recomputeConfidence } from "./confidence";
import { buildContext, type Rule } from "./context";
import { crashInBoot } from "./rules/crash-in-boot";
import { mergeCulprit, noopCulprit, releaseCulprit, scopeOnly } from "./rules/culprit-kind";
import { detectorCommit } from "./rules/detector";
import { flakyBad, flakyGood, lowConfidence } from "./rules/flaky";
import { deepHistory } from "./rules/history";
import { infraShare, mixedSignatures } from "./rules/infra";
import { stackOverlap } from "./rules/stack-overlap";
import { titleDrift } from "./rules/title-drift";
import { headCut } from "./rules/head-cut";
import type { Judgement } from "./types";
import { decide, sortFindings } from "./verdict";
import { withTitleMemo } from "./steps";

export const RULES: Rule[] = [
  titleDrift,
  headCut,
  crashInBoot,
  detectorCommit,
  stackOverlap,
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
];

export function judgeBisection(log: BisectionLog): Judgement {
  return withTitleMemo(() => judge(log));
}

function judge(log: BisectionLog): Judgement {
  const ctx = buildContext(log);
  const findings = sortFindings(RULES.flatMap((rule) => rule(ctx)));
  const { verdict, headline, decisive } = decide(log.outcome, findings, log.type);
  return { verdict, headline, findings, decisive, confidence: recomputeConfidence(log), guilty: ctx.guilty };
}

export { findGuiltyFrame, normalisePath } from "./guilty";
export { sameBug, relatedBug, titleKey } from "./titles";
export { recomputeConfidence, reproChance } from "./confidence";
export type { Finding, GuiltyFrame, Judgement, RuleId, Severity, Verdict } from "./types";
