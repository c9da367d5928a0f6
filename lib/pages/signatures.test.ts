// The flakiness matrix counts what the log says, and shows setup failures (boot, basic kernel
// testing) as their own marks: expected values read from the logs by hand.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { columnRate as rate, lostCount, sigKey, signatureColumns } from "./signatures";
import type { PageStep } from "./types";

function uiSteps(file: string): PageStep[] {
  const r = parseBisectionLog(readFileSync(file, "utf8"));
  if (!r.ok) throw new Error(r.reason);
  return r.log.steps.map((s) => ({
    index: s.index, commitHash: s.commit, role: s.role, release: s.release, subject: s.subject, compiler: s.compiler,
    compilerType: s.compilerType, kernelSignature: s.kernelSignature, buildError: s.buildError,
    allRunsOutcome: s.allRuns?.outcome ?? null, allRunsTitle: s.allRuns?.title ?? null, allRunsLine: s.allRuns?.line ?? null,
    notes: s.notes, verdict: s.verdict, verdictLine: s.verdictLine, revisionsLeftAtTest: s.revisionsLeftAtTest, untested: s.untested,
    line: s.line, endLine: s.endLine, runs: s.runs.map((x) => ({ index: x.index, outcome: x.outcome, title: x.title, line: x.line, endLine: x.endLine })),
  }));
}

describe("the matrix of the seed log", () => {
  const cols = signatureColumns(uiSteps("lib/parser/testdata/cause-kvm_wait-title-drift.txt"), "WARNING: refcount bug in sk_psock_get", "WARNING in kvm_wait");
  it("counts kvm_wait's `run #N` lines and says where only `all runs:` was logged (L97)", () => {
    const kvm = cols.find((c) => c.title === "WARNING in kvm_wait")!;
    expect([kvm.crashes, kvm.runs, kvm.allRows]).toEqual([46, 70, 1]);
    expect(rate(kvm).text).toBe("46/70 runs + all at 1");
    expect(rate(kvm).title).toContain("all runs at 1 commit (run count not logged)");
  });
});

describe("the matrix of an error bisection blocked by basic testing", () => {
  const steps = uiSteps("lib/parser/testdata/corpus/2022-error-too-long-releases-blocked-by-basic-testing.Log_17ee6a6c880000.txt");
  const cols = signatureColumns(steps, "INFO: rcu detected stall in corrupted", null);
  it("has a column for the KASAN title that failed basic testing on v5.10 .. v5.4", () => {
    const kasan = cols.find((c) => c.title === "KASAN: use-after-free Read in task_active_pid_ns")!;
    expect(kasan).toBeDefined();
    expect(kasan.rows).toEqual([10, 11, 12, 13, 14, 15, 16]);
    // v5.10 `all runs:` (1), v5.9 19 runs, v5.8-v5.5 `all runs:` (4), v5.4 run lines
    const v54 = steps[16].runs.filter((r) => r.outcome === "test-failed" && r.title === kasan.title).length;
    // counted runs, and the `all runs:` rows as rows (their run count is not logged)
    expect([kasan.basic, kasan.basicAllRows]).toEqual([19 + v54, 1 + 4]);
    expect(lostCount(kasan.basic, kasan.basicAllRows)).toBe(`×${19 + v54} + all at 5`);
    expect(kasan.cells.get(10)).toMatchObject({ allBasic: true, basic: 1, k: 0 });
    expect(kasan.cells.get(11)).toMatchObject({ allBasic: false, basic: 19, n: 20 });
    expect(rate(kasan).text).toBe("basic testing only");
  });
  it("one column for a machinery message whose address changes per run", () => {
    const scp = cols.filter((c) => c.title.startsWith("failed to copy test binary to VM"));
    expect(scp).toHaveLength(1);
    expect(scp[0].rows).toEqual([17, 18, 19, 20, 21, 22]);
  });
});

describe("the keys of the matrix's columns", () => {
  it("keys columns A to Z, then by number, so a dozen titles get one-letter headers", () => {
    expect([0, 1, 11, 25, 26].map(sigKey)).toEqual(["A", "B", "L", "Z", "27"]);
  });
});

