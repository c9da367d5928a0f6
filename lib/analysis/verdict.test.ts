// The verdict from findings: one high finding, or medium findings of two independent kinds of
// evidence, make a result likely wrong; one kind of medium evidence makes it doubtful.
import { describe, expect, it } from "vitest";
import type { Finding, RuleId, Severity } from "./types";
import { decide, FAMILY } from "./verdict";

const f = (rule: RuleId, severity: Severity): Finding => ({ rule, severity, message: `${rule} ${severity}`, lines: [1] });

describe("decide", () => {
  it("one high finding is likely wrong; one medium doubtful; low and info clean", () => {
    expect(decide("found", [f("title-drift", "high")]).verdict).toBe("likely-wrong");
    expect(decide("found", [f("stack-overlap", "medium")]).verdict).toBe("doubtful");
    expect(decide("found", [f("mixed-signatures", "low"), f("stack-overlap", "info")]).verdict).toBe("clean");
  });

  it("a stray crash behind a bad verdict and a weak reproducer behind a good one are two arguments", () => {
    const j = decide("found", [f("flaky-bad", "medium"), f("low-confidence", "medium")]);
    expect(j.verdict).toBe("likely-wrong");
    expect(j.decisive).toEqual(["flaky-bad", "low-confidence"]);
  });

  it("two findings about the good verdicts are one argument", () => {
    expect(decide("found", [f("flaky-good", "medium"), f("low-confidence", "medium")]).verdict).toBe("doubtful");
  });

  it("a culprit that changes a debug facility and nothing near the crash is likely wrong", () => {
    const j = decide("found", [f("detector-commit", "medium"), f("stack-overlap", "medium")]);
    expect(j.verdict).toBe("likely-wrong");
    expect(j.headline).toBe("culprit added the detector");
  });

  it("two findings about what the culprit is are one argument", () => {
    expect(decide("found", [f("detector-commit", "medium"), f("deep-history", "medium")]).verdict).toBe("doubtful");
    // what the culprit is, twice: one kind
    expect(decide("found", [f("new-interface", "medium"), f("deep-history", "medium")]).verdict).toBe("doubtful");
    // what it is and where it is: two kinds
    expect(decide("found", [f("new-interface", "medium"), f("stack-overlap", "medium")]).verdict).toBe("likely-wrong");
  });

  it("lost runs weaken the good verdicts, not the bad ones", () => {
    expect(FAMILY["infra-share"]).toBe("good verdicts");
    expect(decide("found", [f("infra-share", "medium"), f("low-confidence", "medium")]).verdict).toBe("doubtful");
    expect(decide("found", [f("infra-share", "medium"), f("flaky-bad", "medium")]).verdict).toBe("likely-wrong");
    expect(decide("inconclusive", [f("infra-share", "medium")]).verdict).toBe("doubtful");
    expect(decide("error", [f("title-drift", "high")]).verdict).toBe("n/a");
  });
});
