import { describe, expect, it } from "vitest";
import { compareBisections, type CompareStep } from "./compare";

const step = (commit: string, verdict: string | null, crashes: string[] = [], ok = 0): CompareStep => ({
  commit,
  subject: `subject ${commit}`,
  verdict,
  runs: [...crashes.map((t) => ({ outcome: "crashed", title: t })), ...Array.from({ length: ok }, () => ({ outcome: "ok", title: null }))],
  allRunsOutcome: null,
  allRunsTitle: null,
});

describe("compareBisections", () => {
  it("aligns by commit, keeps each side's order, and flags differing verdicts and titles", () => {
    const a = { type: "cause", foundCommit: "c3", steps: [step("c1", null, ["X in f"]), step("c2", "bad", ["Y in g"], 5), step("c3", "bad", ["Y in g"])] };
    const b = { type: "cause", foundCommit: "c4", steps: [step("c1", null, ["X in f"]), step("c2", "good", [], 10), step("c4", "bad", ["X in f"])] };
    const cmp = compareBisections(a, b);
    expect(cmp.rows.map((r) => r.commit)).toEqual(["c1", "c2", "c3", "c4"]);
    expect(cmp.rows[1]).toMatchObject({ outcomeA: "crashed", outcomeB: "OK", verdictsDiffer: true, titlesDiffer: true });
    expect(cmp.rows[0]).toMatchObject({ verdictsDiffer: false, titlesDiffer: false });
    expect(cmp.rows[2]).toMatchObject({ a: 2, b: null, verdictsDiffer: false });
    expect(cmp).toMatchObject({ sameFoundCommit: false, commonCommits: 2, differingVerdicts: 1 });
  });

  it("reads fix bisections' inverted git words as what happened", () => {
    const a = { type: "fix", foundCommit: "f", steps: [step("c1", "good", ["X"])] };
    const b = { type: "cause", foundCommit: "f", steps: [step("c1", "bad", ["X"])] };
    const cmp = compareBisections(a, b);
    expect(cmp.rows[0]).toMatchObject({ outcomeA: "crashed", outcomeB: "crashed", verdictsDiffer: false });
    expect(cmp.sameFoundCommit).toBe(true);
  });

  it("reads steps without a git verdict (start, releases) from their runs", () => {
    const start = step("c1", null, Array.from({ length: 19 }, () => "X in f"), 1);
    const a = { type: "cause", foundCommit: "c3", steps: [start, { ...step("r1", null), allRunsOutcome: "ok" }, step("b1", null)] };
    const b = { type: "cause", foundCommit: "c3", steps: [step("c1", null, [], 20), { ...step("r1", null), allRunsOutcome: "crashed", allRunsTitle: "X in f" }, step("b1", null)] };
    const cmp = compareBisections(a, b);
    expect(cmp.rows[0]).toMatchObject({ outcomeA: "crashed", outcomeB: "OK", verdictsDiffer: true });
    expect(cmp.rows[1]).toMatchObject({ outcomeA: "OK", outcomeB: "crashed", verdictsDiffer: true });
    expect(cmp.rows[2]).toMatchObject({ outcomeA: null, outcomeB: null, verdictsDiffer: false }); // build error: no runs
    expect(cmp.differingVerdicts).toBe(2);
  });

  it("reads a start step with crashes and only lost runs otherwise as crashed, lost runs alone as unknown", () => {
    const lost = (commit: string, crashes: string[]): CompareStep => ({ ...step(commit, null, crashes), runs: [...step(commit, null, crashes).runs, { outcome: "infra", title: "x" }] });
    const cmp = compareBisections({ type: "fix", foundCommit: null, steps: [lost("c1", ["X"]), lost("c2", [])] }, { type: "fix", foundCommit: null, steps: [] });
    expect(cmp.rows.map((r) => r.outcomeA)).toEqual(["crashed", null]);
  });

  it("labels each side's step and keeps boot failures and only-one-side rows apart", () => {
    const boot = { ...step("c2", "good", [], 8), runs: [...step("c2", "good", [], 8).runs, { outcome: "boot-failed", title: "X in f" }, { outcome: "boot-failed", title: "X in f" }] };
    const a = { type: "cause", foundCommit: null, steps: [{ ...step("c1", null, ["X in f"]), role: "start" }, { ...boot, role: "bisect" }] };
    const b = { type: "cause", foundCommit: null, steps: [{ ...step("c1", null, ["X in f"]), role: "start" }, { ...step("r1", null, [], 10), role: "release", release: "v5.10" }] };
    const cmp = compareBisections(a, b);
    expect(cmp.rows[0]).toMatchObject({ roleA: "start", roleB: "start", runsA: "1:1 crashed" });
    expect(cmp.rows[1]).toMatchObject({ commit: "c2", outcomeA: "OK", runsA: "0:10 crashed, 2 boot failed", b: null, roleB: null, runsB: null, verdictsDiffer: false, titlesDiffer: false });
    expect(cmp.rows[2]).toMatchObject({ commit: "r1", roleB: "release v5.10", a: null, verdictsDiffer: false, titlesDiffer: false });
  });
});
