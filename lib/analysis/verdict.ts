// From findings to a verdict: one high finding makes a result likely wrong, and so do medium
// findings from two independent kinds of evidence (what crashed, what the culprit changed, how
// the runs came out); one medium finding makes it doubtful; low and info findings never decide.
import type { BisectionType, Outcome } from "@/lib/parser/types";
import type { Finding, RuleId, Severity, Verdict } from "./types";

const RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };

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
};

/** Independent kinds of evidence: two medium findings of one kind are one argument, not two. */
const FAMILY: Record<RuleId, "crash" | "culprit" | "runs" | "history"> = {
  "title-drift": "crash", "crash-in-boot": "crash", "mixed-signatures": "crash",
  "detector-commit": "culprit", "stack-overlap": "culprit", "noop-culprit": "culprit", "merge-culprit": "culprit",
  "release-culprit": "culprit", "scope-only": "culprit",
  "flaky-bad": "runs", "flaky-good": "runs", "low-confidence": "runs", "infra-share": "runs",
  "deep-history": "culprit",
  "head-cut": "crash",
  "off-target": "crash",
};

/** Rules in the order their headline is preferred when several decide. */
const PRIORITY: RuleId[] = [
  "noop-culprit", "merge-culprit", "release-culprit", "scope-only", "title-drift", "off-target", "crash-in-boot",
  "detector-commit", "flaky-bad", "flaky-good", "low-confidence", "stack-overlap", "deep-history", "infra-share", "mixed-signatures", "head-cut",
];

export function sortFindings(fs: Finding[]): Finding[] {
  return [...fs].sort((a, b) => RANK[b.severity] - RANK[a.severity] || PRIORITY.indexOf(a.rule) - PRIORITY.indexOf(b.rule));
}

export function decide(outcome: Outcome, findings: Finding[], type: BisectionType = "cause"): { verdict: Verdict; headline: string; decisive: RuleId[] } {
  const found = type === "fix" ? "fix" : "culprit";
  if (outcome !== "found" && outcome !== "inconclusive")
    return { verdict: "n/a", headline: `no ${found} to judge`, decisive: [] };
  const top = Math.max(-1, ...findings.map((f) => RANK[f.severity]));
  if (top < RANK.medium) return { verdict: "clean", headline: `no sign of a wrong ${found}`, decisive: [] };
  const decisive = [...new Set(sortFindings(findings).filter((f) => RANK[f.severity] === top).map((f) => f.rule))];
  const twoKinds = new Set(decisive.map((r) => FAMILY[r])).size >= 2;
  const verdict = top === RANK.high || twoKinds ? "likely-wrong" : "doubtful";
  return { verdict, headline: HEADLINES[decisive[0]], decisive };
}
