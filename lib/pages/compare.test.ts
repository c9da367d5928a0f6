import { describe, expect, it } from "vitest";
import type { RunOutcome, GitVerdict } from "@/lib/domain/words";
import { compareBisections, comparePage, MAX_COMPARE_ROWS, type CompareStep, type StoredSide } from "./compare";

const step = (commit: string, verdict: GitVerdict | null, crashes: string[] = [], ok = 0): CompareStep => ({
  commit,
  subject: `subject ${commit}`,
  verdict,
  runs: [...crashes.map((t) => ({ outcome: "crashed" as const, title: t })), ...Array.from({ length: ok }, () => ({ outcome: "ok" as const, title: null }))],
  allRunsOutcome: null,
  allRunsTitle: null,
});
const withRuns = (s: CompareStep, more: { outcome: RunOutcome; title: string | null }[]): CompareStep => ({ ...s, runs: [...s.runs, ...more] });

describe("compareBisections", () => {
  it("aligns by commit, keeps each side's order, and flags differing verdicts and titles", () => {
    const a = { type: "cause" as const, foundCommit: "c3", steps: [step("c1", null, ["X in f"]), step("c2", "bad", ["Y in g"], 5), step("c3", "bad", ["Y in g"])] };
    const b = { type: "cause" as const, foundCommit: "c4", steps: [step("c1", null, ["X in f"]), step("c2", "good", [], 10), step("c4", "bad", ["X in f"])] };
    const cmp = compareBisections(a, b);
    expect(cmp.rows.map((r) => r.commit)).toEqual(["c1", "c2", "c3", "c4"]);
    expect(cmp.rows[1]).toMatchObject({ a: { verdict: { outcome: "crashed", words: "crashed" } }, b: { verdict: { outcome: "ok", words: "OK" } }, verdictsDiffer: true, titlesDiffer: true });
    expect(cmp.rows[0]).toMatchObject({ verdictsDiffer: false, titlesDiffer: false });
    expect(cmp.rows[2]).toMatchObject({ a: { index: 2 }, b: null, verdictsDiffer: false });
    expect(cmp).toMatchObject({ sameFoundCommit: false, commonCommits: 2, differingVerdicts: 1 });
  });

  it("reads fix bisections' inverted git words as what happened", () => {
    const a = { type: "fix" as const, foundCommit: "f", steps: [step("c1", "good", ["X"]), step("c2", "bad", [], 10)] };
    const b = { type: "cause" as const, foundCommit: "f", steps: [step("c1", "bad", ["X"]), step("c2", "good", [], 10)] };
    const cmp = compareBisections(a, b);
    expect(cmp.rows[0]).toMatchObject({ a: { verdict: { outcome: "crashed" } }, b: { verdict: { outcome: "crashed" } }, verdictsDiffer: false });
    // the same reading, in each side's words: a fix bisection's clean commit "did not crash"
    expect(cmp.rows[1]).toMatchObject({ a: { verdict: { outcome: "ok", words: "did not crash", git: null } }, b: { verdict: { outcome: "ok", words: "OK", git: "good" } }, verdictsDiffer: false });
    expect(cmp.sameFoundCommit).toBe(true);
  });

  it("reads steps without a git verdict (start, releases) from their runs", () => {
    const start = step("c1", null, Array.from({ length: 19 }, () => "X in f"), 1);
    const a = { type: "cause" as const, foundCommit: "c3", steps: [start, { ...step("r1", null), allRunsOutcome: "ok" as const }, { ...step("b1", null), buildError: "make failed" }] };
    const b = { type: "cause" as const, foundCommit: "c3", steps: [step("c1", null, [], 20), { ...step("r1", null), allRunsOutcome: "crashed" as const, allRunsTitle: "X in f" }, { ...step("b1", null), buildError: "make failed" }] };
    const cmp = compareBisections(a, b);
    expect(cmp.rows[0]).toMatchObject({ a: { verdict: { outcome: "crashed" } }, b: { verdict: { outcome: "ok" } }, verdictsDiffer: true });
    expect(cmp.rows[1]).toMatchObject({ a: { verdict: { outcome: "ok" } }, b: { verdict: { outcome: "crashed" } }, verdictsDiffer: true });
    // a build error is no reading of the bug: nothing to differ on
    expect(cmp.rows[2]).toMatchObject({ a: { verdict: { outcome: "build-failed", words: "build failed" } }, verdictsDiffer: false });
    expect(cmp.differingVerdicts).toBe(2);
  });

  it("reads a start step with crashes and only lost runs otherwise as crashed, lost runs alone as no reading", () => {
    const lost = (commit: string, crashes: string[]) => withRuns(step(commit, null, crashes), [{ outcome: "infra", title: "x" }]);
    const cmp = compareBisections({ type: "fix", foundCommit: null, steps: [lost("c1", ["X"]), lost("c2", [])] }, { type: "fix", foundCommit: null, steps: [] });
    expect(cmp.rows.map((r) => r.a?.verdict.outcome)).toEqual(["crashed", "failed"]);
  });

  it("a skip differs from a reading, and both sides' skips agree", () => {
    const a = { type: "cause" as const, foundCommit: null, steps: [step("c1", "skip"), step("c2", "skip")] };
    const b = { type: "cause" as const, foundCommit: null, steps: [step("c1", "bad", ["X"]), step("c2", "skip")] };
    const cmp = compareBisections(a, b);
    expect(cmp.rows.map((r) => r.verdictsDiffer)).toEqual([true, false]);
  });

  it("labels each side's step and keeps boot failures and only-one-side rows apart", () => {
    const boot = withRuns(step("c2", "good", [], 8), [{ outcome: "boot-failed", title: "X in f" }, { outcome: "boot-failed", title: "X in f" }]);
    const a = { type: "cause" as const, foundCommit: null, steps: [{ ...step("c1", null, ["X in f"]), role: "start" as const }, { ...boot, role: "bisect" as const }] };
    const b = { type: "cause" as const, foundCommit: null, steps: [{ ...step("c1", null, ["X in f"]), role: "start" as const }, { ...step("r1", null, [], 10), role: "release" as const, release: "v5.10" }] };
    const cmp = compareBisections(a, b);
    expect(cmp.rows[0]).toMatchObject({ a: { role: "start", runs: "1 of 1 crashed" }, b: { role: "start" } });
    expect(cmp.rows[1]).toMatchObject({ commit: "c2", a: { verdict: { outcome: "ok" }, runs: "0 of 10 crashed, 2 boot failed" }, b: null, verdictsDiffer: false, titlesDiffer: false });
    expect(cmp.rows[2]).toMatchObject({ commit: "r1", b: { role: "release v5.10" }, a: null, verdictsDiffer: false, titlesDiffer: false });
  });
});

describe("comparePage", () => {
  const stored = (id: string, found: string | null, steps: StoredSide["steps"]): StoredSide => ({
    id,
    type: "cause",
    outcome: found ? "found" : "inconclusive",
    verdict: "clean",
    foundCommitHash: found,
    culprit: found ? { subject: `subject of ${found}` } : null,
    crashSignature: null,
    startSignature: { title: "WARNING in kvm_wait" },
    steps,
  });
  const s = (commitHash: string, verdict: GitVerdict | null, crashed: boolean) => ({ ...step(commitHash, verdict, crashed ? ["WARNING in kvm_wait"] : [], crashed ? 0 : 1), commitHash });

  it("heads each side and sums the comparison up in one sentence", () => {
    const p = comparePage(stored("aaaaaaaaaaaa", "f1", [s("c1", "bad", true), s("c2", "bad", true)]), stored("bbbbbbbbbbbb", "f1", [s("c1", "bad", true), s("c2", "good", false)]));
    // c1 has no role "start" in these steps: no start to show
    expect(p.a).toEqual({ id: "aaaaaaaaaaaa", title: "WARNING in kvm_wait", type: "cause", outcome: "found", words: "cause bisection · culprit", verdict: "clean", found: { hash: "f1", subject: "subject of f1" }, start: null, tested: 2 });
    const started = comparePage(stored("a", "f1", [{ ...s("c0", null, true), role: "start" }, s("c1", "bad", true)]), stored("b", "f1", []));
    expect([started.a.start, started.a.tested]).toEqual([{ hash: "c0", title: "WARNING in kvm_wait" }, 2]);
    expect(p.summary).toBe("Both found the same commit. 2 commits tested by both; verdicts differ on 1.");
    expect(comparePage(stored("a", "f1", [s("c1", "bad", true)]), stored("b", null, [])).summary).toBe("Not both found a commit. 0 commits tested by both; verdicts differ on 0.");
    expect(comparePage(stored("a", "f1", []), stored("b", "f2", [])).summary).toMatch(/^They found different commits\./);
  });

  it("says each side's type and result once: \"cause bisection · culprit <hash>\", never \"found · found\"", () => {
    const none = comparePage(stored("a", null, []), { ...stored("b", null, []), type: "fix", outcome: "horizon" });
    expect([none.a.words, none.b.words]).toEqual(["cause bisection · inconclusive", "fix bisection · still on HEAD"]);
    const fix = comparePage({ ...stored("a", "f1", []), type: "fix" }, stored("b", "f1", []));
    expect(fix.a.words).toBe("fix bisection · fix");
    expect(fix.b.words.split(" ")).not.toContain("found");
  });

  it("draws the first and last MAX_COMPARE_ROWS / 2 of thousands of commits, and counts the middle", () => {
    const many = (n: number, flip: number) => Array.from({ length: n }, (_, i) => s(`c${i}`, i % flip ? "good" : "bad", !(i % flip)));
    const p = comparePage(stored("a", null, many(1200, 2)), stored("b", null, many(1200, 3)));
    const half = MAX_COMPARE_ROWS / 2;
    expect(p.rows.map((r) => r.commit)).toEqual([...Array.from({ length: half }, (_, i) => `c${i}`), ...Array.from({ length: half }, (_, i) => `c${1200 - half + i}`)]);
    const middle = Array.from({ length: 1200 - 2 * half }, (_, i) => i + half);
    // verdicts differ where i % 2 and i % 3 disagree about 0
    expect(p.hidden).toEqual({ after: `c${half - 1}`, count: middle.length, differing: middle.filter((i) => (i % 2 === 0) !== (i % 3 === 0)).length });
    expect(p.summary).toMatch(/1200 commits tested by both/);
    expect(comparePage(stored("a", null, many(3, 2)), stored("b", null, many(3, 2))).hidden).toBeNull();
  });
});
