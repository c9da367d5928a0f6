// From findings to a verdict: one high finding makes a result likely wrong, and so do medium
// findings from two independent kinds of evidence (what crashed, what the culprit is, where it
// is beside the crash, how the bad verdicts came out, how the good ones did); one medium finding
// makes it doubtful; low and info findings never decide.
import { unique } from "@/lib/unique";
import type { BisectionType, Outcome } from "@/lib/parser/types";
import { foundWord, SEVERITY } from "@/lib/domain/words";
import type { Finding, RuleId, Verdict } from "./types";

const rank = (f: Finding) => SEVERITY[f.severity].rank;

/** Banner phrases, by rule, for the finding that decides. */
const HEADLINES: Record<RuleId, string> = {
  "title-drift": "chased a different crash",
  "crash-in-boot": "chased crash also fires at boot",
  "detector-commit": "culprit added the detector",
  "stack-overlap": "culprit far from the crash",
  "flaky-bad": "bad verdict from a stray crash",
  "flaky-good": "good verdict may be a false negative",
  "noop-culprit": "culprit does not change the kernel",
  "merge-culprit": "culprit is a merge",
  "release-culprit": "culprit is a release",
  "scope-only": "culprit outside the tested kernel",
  "infra-share": "verdicts decided on lost runs",
  "mixed-signatures": "several crashes at one commit",
  "low-confidence": "low statistical confidence",
  "deep-history": "old bug, culprit may only expose it",
  "head-cut": "start of the log missing",
  "off-target": "bad verdicts from other crashes",
  "new-interface": "culprit may only let the reproducer in",
};

/** Independent kinds of evidence: two medium findings of one kind are one argument, not two.
 *  The bad and the good verdicts are two kinds: a stray crash behind a bad verdict and a weak
 *  reproducer behind a good one are separate ways for the range to be wrong, both at once
 *  leaves neither end standing (lost runs weaken good verdicts: fewer runs had the chance to
 *  crash). Where the culprit is (beside the crash or not) is a kind apart
 *  from what it is (a detector, a merge, an old bug's enabler): a culprit that changes a debug
 *  facility and nothing near the crash is the detector case on two counts. */
export type EvidenceKind = "crash" | "culprit" | "place" | "bad verdicts" | "good verdicts";

export const FAMILY: Record<RuleId, EvidenceKind> = {
  "title-drift": "crash", "crash-in-boot": "crash", "mixed-signatures": "crash", "head-cut": "crash", "off-target": "crash",
  "detector-commit": "culprit", "noop-culprit": "culprit", "merge-culprit": "culprit", "release-culprit": "culprit", "scope-only": "culprit",
  "deep-history": "culprit", "new-interface": "culprit",
  "stack-overlap": "place",
  "flaky-bad": "bad verdicts",
  "flaky-good": "good verdicts", "low-confidence": "good verdicts", "infra-share": "good verdicts",
};

/** Rules in the order their headline is preferred when several decide (first is preferred). */
const PRIORITY: Record<RuleId, number> = {
  "noop-culprit": 0, "merge-culprit": 1, "release-culprit": 2, "scope-only": 3, "title-drift": 4, "off-target": 5, "crash-in-boot": 6,
  "detector-commit": 7, "new-interface": 8, "flaky-bad": 9, "flaky-good": 10, "low-confidence": 11, "stack-overlap": 12, "deep-history": 13,
  "infra-share": 14, "mixed-signatures": 15, "head-cut": 16,
};

export function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort((a, b) => rank(b) - rank(a) || PRIORITY[a.rule] - PRIORITY[b.rule]);
}

export function decide(outcome: Outcome, findings: Finding[], type: BisectionType = "cause"): { verdict: Verdict; headline: string; decisive: RuleId[] } {
  const found = foundWord(type);
  if (outcome !== "found" && outcome !== "inconclusive")
    return { verdict: "n/a", headline: `no ${found} to judge`, decisive: [] };
  const top = Math.max(-1, ...findings.map(rank));
  if (top < SEVERITY.medium.rank) return { verdict: "clean", headline: `no sign of a wrong ${found}`, decisive: [] };
  const decisive = unique(sortFindings(findings).filter((f) => rank(f) === top).map((f) => f.rule));
  const twoKinds = new Set(decisive.map((r) => FAMILY[r])).size >= 2;
  const verdict = top === SEVERITY.high.rank || twoKinds ? "likely-wrong" : "doubtful";
  return { verdict, headline: HEADLINES[decisive[0]], decisive };
}
