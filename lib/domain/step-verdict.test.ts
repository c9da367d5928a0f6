// One reading of a tested commit for every page: the timeline, the commit record and compare.
import { describe, expect, it } from "vitest";
import { bugReading, stepVerdict, verdictCrashed, type VerdictSource } from "./step-verdict";
import type { RunOutcome } from "./words";

const runs = (...o: RunOutcome[]) => o.map((outcome) => ({ outcome }));
const s = (over: Partial<VerdictSource>): VerdictSource => ({ verdict: null, allRunsOutcome: null, runs: [], ...over });

describe("verdictCrashed", () => {
  it("inverts git's words for fix bisections", () => {
    expect(verdictCrashed("cause", "bad")).toBe(true);
    expect(verdictCrashed("cause", "good")).toBe(false);
    expect(verdictCrashed("fix", "good")).toBe(true);
    expect(verdictCrashed("fix", "bad")).toBe(false);
    expect(verdictCrashed("cause", "skip")).toBeNull();
    expect(verdictCrashed("fix", null)).toBeNull();
  });
});

describe("stepVerdict", () => {
  it("reads git's verdict first, in what-happened words; git's word only for cause bisections", () => {
    expect(stepVerdict("cause", s({ verdict: "bad", runs: runs("ok") }))).toEqual({ outcome: "crashed", words: "crashed", git: "bad", mark: "crashed" });
    expect(stepVerdict("cause", s({ verdict: "good" }))).toEqual({ outcome: "ok", words: "OK", git: "good", mark: "ok" });
    expect(stepVerdict("fix", s({ verdict: "bad" }))).toEqual({ outcome: "ok", words: "did not crash", git: null, mark: "ok" });
    expect(stepVerdict("fix", s({ verdict: "good" }))).toEqual({ outcome: "crashed", words: "crashed", git: null, mark: "crashed" });
    expect(stepVerdict("cause", s({ verdict: "skip", runs: runs("crashed") }))).toEqual({ outcome: "skipped", words: "skipped", git: "skip", mark: "ignored" });
  });

  it("without a verdict: a build error, an untested commit, then the runs", () => {
    expect(stepVerdict("cause", s({ buildError: "make: *** [vmlinux] Error 2" })).words).toBe("build failed");
    expect(stepVerdict("cause", s({ untested: true })).words).toBe("not tested");
    expect(stepVerdict("cause", s({ runs: runs("ok", "crashed", "infra") })).outcome).toBe("crashed");
    expect(stepVerdict("fix", s({ runs: runs("ok", "ok") })).words).toBe("did not crash");
    expect(stepVerdict("cause", s({ allRunsOutcome: "ok" })).words).toBe("OK");
    expect(stepVerdict("cause", s({ allRunsOutcome: "crashed" })).outcome).toBe("crashed");
    // half the runs or more passed and none crashed: OK, as syzkaller decides a good kernel; fewer: what lost them
    expect(stepVerdict("cause", s({ runs: runs("ok", "boot-failed") }))).toMatchObject({ outcome: "ok", words: "OK", mark: "ok" });
    // 3 runs: 3/2 is 1 in Go, so one OK run is enough (helper h25's review); 4 runs need 2
    expect(stepVerdict("cause", s({ runs: runs("ok", "boot-failed", "boot-failed") }))).toMatchObject({ outcome: "ok", mark: "ok" });
    expect(stepVerdict("cause", s({ runs: runs("ok", "boot-failed", "boot-failed", "boot-failed") }))).toMatchObject({ outcome: "boot-failed", words: "boot failed", mark: "boot" });
    // Log_1351789af00000's release v5.17 (L7-L20): runs #0-#1 failed basic testing, #2-#9 OK, then `git bisect start <bad> f443e374ae13`
    expect(stepVerdict("cause", s({ runs: runs("test-failed", "test-failed", ...Array<RunOutcome>(8).fill("ok")) }))).toEqual({ outcome: "ok", words: "OK", git: null, mark: "ok" });
    expect(stepVerdict("cause", s({ runs: runs(...Array<RunOutcome>(6).fill("test-failed"), ...Array<RunOutcome>(4).fill("ok")) })).mark).toBe("basic");
    expect(stepVerdict("fix", s({ runs: runs("infra", "ok") })).words).toBe("did not crash");
    // the kernel failed basic testing on every run that got that far: ⊘, whatever the machinery lost
    expect(stepVerdict("cause", s({ runs: runs("infra", "test-failed") }))).toEqual({ outcome: "failed", words: "failed basic testing", git: null, mark: "basic" });
    expect(stepVerdict("cause", s({ runs: runs("test-failed", "failed", "ignored") })).mark).toBe("basic");
    expect(stepVerdict("cause", s({ allRunsOutcome: "test-failed" })).mark).toBe("basic");
    expect(stepVerdict("cause", s({ runs: runs("infra", "failed") }))).toEqual({ outcome: "failed", words: "failed", git: null, mark: "failed" });
    expect(stepVerdict("cause", s({ runs: runs("test-failed", "boot-failed") })).mark).toBe("boot");
    expect(stepVerdict("cause", s({}))).toEqual({ outcome: "none", words: "–", git: null, mark: "none" });
  });

  it("says a step without runs whose set-up failed (`failed: failed to create VM pool`) failed set-up, with the infra mark", () => {
    // 2022-error-too-long-releases-blocked-by-basic-testing.Log_17ee6a6c880000.txt L104 (release v5.14)
    const note = { text: "failed: failed to create VM pool: failed to create GCE image: create image operation failed" };
    expect(stepVerdict("cause", s({ notes: [note] }))).toEqual({ outcome: "failed", words: "setup failed", git: null, mark: "failed" });
    // any other note leaves the bare dash; a reading of the bug from runs or git still wins
    expect(stepVerdict("cause", s({ notes: [{ text: "reproducer seems to be flaky" }] })).words).toBe("–");
    expect(stepVerdict("cause", s({ notes: [note], runs: runs("ok") })).words).toBe("OK");
    expect(stepVerdict("cause", s({ notes: [note], verdict: "bad" })).words).toBe("crashed");
  });

  it("gives a reading of the bug only where the step saw it or was skipped", () => {
    const reading = (v: VerdictSource) => bugReading(stepVerdict("cause", v));
    expect(reading(s({ verdict: "bad" }))).toBe("crashed");
    expect(reading(s({ runs: runs("ok") }))).toBe("ok");
    expect(reading(s({ verdict: "skip" }))).toBe("skipped");
    expect(reading(s({ buildError: "x" }))).toBeNull();
    expect(reading(s({ runs: runs("boot-failed") }))).toBeNull();
    expect(reading(s({ runs: runs("infra") }))).toBeNull();
  });
});
