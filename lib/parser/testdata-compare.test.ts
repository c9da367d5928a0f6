// The golden comparator must fail on mismatches, or the golden tests prove nothing.
import { describe, expect, it } from "vitest";
import { compareExpectation, summarizeStep } from "./testdata-compare";

const got = {
  type: "cause",
  outcome: "found",
  commit: { hash: "997acaf6b4b5", subject: "lockdep: report broken irq restoration", files: [{ path: "a.c", created: true }] },
  steps: [
    { commit: "9eef02334505411667a7b51a8f349f8c6c4f3b66", verdict: "bad", allRuns: null, runs: [{ outcome: "crashed" }, { outcome: "ok" }, { outcome: "boot-failed" }] },
    { commit: "2f0df49c89acaa58571d509830bc481250699885", verdict: null, allRuns: { outcome: "ok" }, runs: [] },
  ],
  crash: { frames: [{ function: "a", line: 1 }, { function: "b", line: 2 }] },
};

describe("testdata-compare", () => {
  it("accepts a matching expectation in every form", () => {
    expect(compareExpectation({ type: "cause", commit: { subject: "~IRQ RESTORATION", hash: "/[0-9a-f]{12}/", files: [{ path: "a.c" }] }, stepSummary: ["9eef02334505 bad 1:3 boot-failed1", "2f0df49c89ac (good|none) all:ok"], framesInclude: [{ function: "a" }, { line: 2 }] }, got)).toEqual([]);
  });

  it("reports each kind of mismatch", () => {
    expect(compareExpectation({ outcome: "error" }, got)).toEqual(['.outcome: want "error", got "found"']);
    expect(compareExpectation({ commit: { subject: "~nope" } }, got)).toHaveLength(1);
    expect(compareExpectation({ commit: { hash: "/[0-9a-f]{40}/" } }, got)).toHaveLength(1);
    expect(compareExpectation({ commit: { files: [] } }, got)).toEqual([".commit.files: want 0 items, got 1"]);
    expect(compareExpectation({ crash: null }, got)).toHaveLength(1);
    expect(compareExpectation({ warnings: [] }, { warnings: [{ line: 1, message: "x" }] })).toEqual([".warnings: want 0 items, got 1"]);
    expect(compareExpectation({ stepSummary: ["9eef02334505 good 1:3"] }, got)).toEqual([".steps: want 1, got 2", '.steps[0]: want /9eef02334505 good 1:3/, got "9eef02334505 bad 1:3 boot-failed1"']);
    expect(compareExpectation({ framesInclude: [{ function: "b" }, { function: "a" }] }, got)).toEqual(['.crash.frames: missing {"function":"a"} (in order)']);
  });

  it("summarizes steps like check-parse.mjs", () => {
    expect(summarizeStep(got.steps[1] as never)).toBe("2f0df49c89ac none all:ok");
  });
});
