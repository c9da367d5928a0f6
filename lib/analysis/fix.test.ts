// Fix bisections: git's words are inverted (`good` = still crashes), the found commit is the
// fix, and there is no `crash:` report. Hand-written logs through the real parser, plus the
// synthetic 2022 fix fixture.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { judgeBisection, type Judgement, type RuleId } from "./index";
import { buildFixLog, CLEAN_FIX, type FixStepSpec } from "./test-logs";

function judge(text: string): Judgement {
  const r = parseBisectionLog(text);
  if (!r.ok) throw new Error(`parser rejected the test log: ${r.reason}`);
  expect(r.log.type).toBe("fix");
  return judgeBisection(r.log);
}
const find = (j: Judgement, rule: RuleId) => j.findings.find((f) => f.rule === rule);
const aboveInfo = (j: Judgement) => j.findings.filter((f) => f.severity !== "info");
const FOO = "KASAN: use-after-free Read in foo_bar";
const OTHER = "WARNING in baz_qux";

describe("a clean fix bisection", () => {
  const j = judge(buildFixLog(CLEAN_FIX));

  it("is judged clean with nothing above info", () => {
    expect(j.verdict).toBe("clean");
    expect(j.headline).toBe("no sign of a wrong fix");
    expect(aboveInfo(j)).toEqual([]);
  });

  it("computes confidence over the steps that did not crash (git's bad)", () => {
    expect(j.confidence).toBe(1);
  });
});

describe("a flaky fix bisection", () => {
  // One "still crashing" step rests on a single crash of another bug, which also puts the
  // reproducer's estimated crash chance at p = 1/10; the first "fixed" step saw only 4 clean
  // runs, a false negative with chance 0.9^4 = 0.66 (the other, 10 runs: 0.9^10 = 0.35).
  const steps: FixStepSpec[] = [
    { crashed: false, runs: ["OK", "OK", "OK", "OK", "infra problem: timed out", "infra problem: timed out", "infra problem: timed out", "infra problem: timed out", "infra problem: timed out", "infra problem: timed out"] },
    { crashed: true, runs: [`crashed: ${FOO}`, `crashed: ${FOO}`, `crashed: ${FOO}`, "OK", "OK", "OK", "OK", "OK", "OK", "OK"] },
    { crashed: false, runs: "OK" },
    { crashed: true, runs: [`crashed: ${OTHER}`, "OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK"] },
    { crashed: true, runs: `crashed: ${FOO}` },
  ];
  const text = buildFixLog({ ...CLEAN_FIX, steps });
  const lineOf = (s: string) => text.split("\n").indexOf(s) + 1;
  const j = judge(text);

  it("flags the \"fixed\" verdict that may be a false negative (git's bad), not the crashed ones", () => {
    const f = find(j, "flaky-good");
    expect(f?.severity).toBe("medium");
    expect(f?.message).toContain("judged fixed on 4 clean runs");
    expect(f?.message).toContain("would happen 65.6% of the time with the bug present");
    // the evidence (the first clean run, the `all runs: OK` line), then each verdict
    const lines = text.split("\n");
    const after = (marker: string, s: string) => lines.indexOf(s, lines.indexOf(marker)) + 1;
    expect(f?.lines).toEqual([
      after(`testing commit ${"03".repeat(20)}`, "run #0: OK"),
      lineOf(`# git bisect bad ${"03".repeat(20)}`),
      after(`testing commit ${"05".repeat(20)}`, "all runs: OK"),
      lineOf(`# git bisect bad ${"05".repeat(20)}`),
    ]);
  });

  it("flags the \"still crashing\" verdict from one foreign crash (git's good)", () => {
    const f = find(j, "flaky-bad");
    expect(f?.severity).toBe("high");
    expect(f?.message).toContain("judged still crashing on 1 crash in 10 runs");
    expect(f?.lines).toContain(lineOf(`# git bisect good ${"06".repeat(20)}`));
    expect(j.verdict).toBe("likely-wrong");
  });

  it("says which steps were judged fixed on lost runs", () => {
    expect(find(j, "infra-share")?.message).toContain(`${"03".repeat(6)} was judged fixed on fewer than half clean runs`);
  });
});

describe("fix-bisection rules", () => {
  it("title drift: the crash that stopped at the fix is not the start commit's", () => {
    const steps = CLEAN_FIX.steps.map((s) => (s.crashed === true ? { ...s, runs: `crashed: ${OTHER}` } : s));
    const f = find(judge(buildFixLog({ ...CLEAN_FIX, steps })), "title-drift");
    expect(f?.severity).toBe("high");
    expect(f?.message).toContain("the crash that stopped at the fix");
  });

  it("has no crash report, so detector-commit and stack-overlap stay silent", () => {
    const j = judge(buildFixLog({ ...CLEAN_FIX, fix: { subject: "lockdep: add a check", files: ["lib/Kconfig.debug", "net/far/away.c"] } }));
    expect(find(j, "detector-commit")).toBeUndefined();
    expect(find(j, "stack-overlap")).toBeUndefined();
  });

  it("still flags merge and no-op fixes", () => {
    expect(find(judge(buildFixLog({ ...CLEAN_FIX, fix: { subject: "Merge branch 'foo-fixes'", files: [], merge: true } })), "merge-culprit")?.message).toContain("The fix is a merge");
    expect(find(judge(buildFixLog({ ...CLEAN_FIX, fix: { ...CLEAN_FIX.fix!, noop: true } })), "noop-culprit")?.severity).toBe("high");
  });
});

describe("the synthetic fix fixture (fix-found-nfc-2022)", () => {
  const j = judge(readFileSync(path.join(__dirname, "../parser/testdata/synthetic/fix-found-nfc-2022.txt"), "utf8"));

  it("is clean: every run of 410c08d8c643 crashed, which is git's good in a fix bisection", () => {
    expect(j.verdict).toBe("clean");
    expect(find(j, "flaky-good")).toBeUndefined();
    expect(find(j, "low-confidence")).toBeUndefined();
    // p = 4/10 (241db56bc440); three "fixed" steps of 10 clean runs: (1 - 0.6^10)^3
    expect(j.confidence).toBeCloseTo(Math.pow(1 - Math.pow(0.6, 10), 3), 6);
  });

  it("keeps only true findings: 4 of 10 crashes at 241db56bc440, and 2 lost runs", () => {
    expect(j.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(["flaky-bad:low", "infra-share:info"]);
    expect(find(j, "flaky-bad")?.message).toBe("Commit 241db56bc440 was judged still crashing on 4 crashes in 10 runs.");
    // 50 `run #N` lines; 7 steps say only `all runs:` (counted as nothing, not as 10 runs each)
    expect(find(j, "infra-share")?.message).toBe("2 of 50 logged runs were lost to infrastructure, test or boot failures; 7 steps printed only an `all runs:` line, with no run count.");
    expect(find(j, "infra-share")?.lines).toEqual([54, 87]);
  });
});
