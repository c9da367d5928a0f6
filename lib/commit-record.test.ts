import { describe, expect, it } from "vitest";
import { contradictions, fixesWarning, type TestedStep } from "./commit-record";

const step = (bisectionId: string, title: string, outcome: "ok" | "crashed", over: Partial<TestedStep> = {}): TestedStep => ({
  bisectionId, type: "cause", title, index: 3, line: 40, endLine: 52, commit: "c", subject: null, verdict: outcome === "ok" ? "good" : "bad",
  runs: Array.from({ length: 10 }, () => ({ outcome, title: outcome === "crashed" ? title : null })), allRunsOutcome: null, allRunsTitle: null, ...over,
});

describe("contradictions", () => {
  const found = [{ id: "blamer", type: "cause", verdict: "likely-wrong", title: "WARNING in kvm_wait" }];

  it("finds another bisection of the same crash that tested the blamed commit OK", () => {
    expect(contradictions(found, [step("blamer", "WARNING in kvm_wait", "crashed"), step("other", "WARNING in kvm_wait", "ok"), step("third", "KASAN: x", "ok")])).toEqual([
      { bisectionId: "other", step: 3, line: 40, endLine: 52, title: "WARNING in kvm_wait", saw: "OK" },
    ]);
  });

  it("agrees when the other bisection crashed there too, and ignores steps without a reading", () => {
    expect(contradictions(found, [step("other", "WARNING in kvm_wait", "crashed"), step("x", "WARNING in kvm_wait", "ok", { verdict: "skip" })])).toEqual([]);
  });

  it("reads a fix the other way: a crash at the named fix contradicts it", () => {
    const fix = [{ id: "f", type: "fix", verdict: "clean", title: "T" }];
    expect(contradictions(fix, [step("o", "T", "crashed")]).map((c) => c.saw)).toEqual(["crashed"]);
    expect(contradictions(fix, [step("o", "T", "ok")])).toEqual([]);
  });
});

describe("fixesWarning", () => {
  const b = (verdict: string) => ({ id: verdict, type: "cause", verdict, title: "T" });
  it("says nothing when every blaming is clean, and how many were not", () => {
    expect(fixesWarning([b("clean"), b("clean")])).toBeNull();
    expect(fixesWarning([b("likely-wrong"), b("likely-wrong")])).toBe("All 2 bisections that found this commit were judged likely wrong: do not use this tag without checking.");
    expect(fixesWarning([b("likely-wrong")])).toBe("The one bisection that found this commit was judged likely wrong: do not use this tag without checking.");
    expect(fixesWarning([b("clean"), b("doubtful"), b("likely-wrong")])).toBe("Of 3 bisections that found this commit, 1 likely wrong, 1 doubtful: check before using this tag.");
    expect(fixesWarning([])).toBe("No bisection found this commit; it was only tested.");
  });
});
