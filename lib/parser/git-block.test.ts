// GIT-BISECT records (§2.5, §2.6), named after the logs they came from.
import { describe, expect, it } from "vitest";
import { A, B, C, F, parse } from "./test-helpers";



/** A test block and its verdict: `testing commit`, one `all runs:` line, `# git bisect <verdict>`. */
const tested = (commit: string, runs: string, verdict: string) => [`testing commit ${commit} with gcc (GCC) 10.2.1 20210217`, `all runs: ${runs}`, `# git bisect ${verdict} ${commit}`];

describe("git bisect records", () => {
  it("2021 fixture: verdict settles the block, `Bisecting:` gives revisionsLeft, `[sha]` the subject", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      `# git bisect start ${A} ${C}`,
      "Bisecting: 11797 revisions left to test after this (roughly 14 steps)",
      `[${B}] Merge tag 'for-linus-5.12b-rc2-tag' of git://git.kernel.org/pub/scm/linux/kernel/git/xen/tip`,
      "",
      `testing commit ${B} with gcc (GCC) 10.2.1 20210217`,
      "all runs: crashed: WARNING in kvm_wait",
      `# git bisect bad ${B}`,
      "Bisecting: 1 revision left to test after this (roughly 1 step)",
      `[${C}] ALSA: hda: intel-nhlt: verify config type`,
      "",
    ]);
    expect(log.bisectStart).toEqual({ bad: A, good: C, line: 2, revisionsLeft: 11797 });
    expect(log.steps[0]).toMatchObject({ role: "bisect", verdict: "bad", verdictLine: 8, revisionsLeft: 1, revisionsLeftAtTest: 11797, subject: "Merge tag 'for-linus-5.12b-rc2-tag' of git://git.kernel.org/pub/scm/linux/kernel/git/xen/tip", untested: false });
    expect(log.outcome).toBe("incomplete");
    expect(log.truncated).toBe(true);
    expect(log.warnings).toEqual([]);
  });

  it("each bisect step keeps the count git printed when it chose the commit; other roles none", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      `testing commit ${A} with gcc (GCC) 10.2.1 20210217`,
      "all runs: crashed: WARNING in kvm_wait",
      "testing release v5.11",
      `testing commit ${C} with gcc (GCC) 10.2.1 20210217`,
      "all runs: OK",
      `# git bisect start ${A} ${C}`,
      "Bisecting: 11797 revisions left to test after this (roughly 14 steps)",
      `[${B}] first`,
      ...tested(B, "crashed: WARNING in kvm_wait", "bad"),
      "Bisecting: a merge base must be tested",
      `[${F}] merge base`,
      ...tested(F, "OK", "good"),
      "Bisecting: 6 revisions left to test after this (roughly 3 steps)",
      "Bisecting: 5 revisions left to test after this (roughly 3 steps)",
      `[${C}] third`,
      ...tested(C, "OK", "good"),
    ]);
    expect(log.bisectStart).toMatchObject({ revisionsLeft: 11797 });
    expect(log.steps.map((s) => [s.role, s.revisionsLeftAtTest, s.revisionsLeft])).toEqual([
      ["start", null, null],
      ["release", null, null],
      ["bisect", 11797, null], // a merge base line gives no count
      ["bisect", null, 6], // the first count after a verdict is the one git chose with
      ["bisect", 6, null],
    ]);
  });

  it("a log cut before `git bisect start`: counts before the first verdict belong to no known range", () => {
    const log = parse([
      "Bisecting: 3 revisions left to test after this (roughly 2 steps)",
      `[${B}] x`,
      ...tested(B, "OK", "good"),
      "Bisecting: 1 revision left to test after this (roughly 1 step)",
      `[${C}] y`,
      ...tested(C, "OK", "good").slice(0, 2),
    ]);
    expect(log.headTruncated).toBe(true);
    expect(log.bisectStart).toBeNull();
    expect(log.steps.map((s) => s.revisionsLeftAtTest)).toEqual([null, 1]);
  });

  it("2019: tag names in `# git bisect start v4.18 v4.17`, no empty line after git output", () => {
    const log = parse([`bisecting cause commit starting from ${A}`, "# git bisect start v4.18 v4.17", "Bisecting: 7 revisions left to test after this (roughly 3 steps)", `[${B}] x`, `testing commit ${B} with gcc (GCC) 8.1.0`, "all runs: OK", `# git bisect good ${B}`]);
    expect(log.bisectStart).toMatchObject({ bad: "v4.18", good: "v4.17", revisionsLeft: 7 });
    expect(log.steps[0].verdict).toBe("good");
  });

  it("2021: git `warning:` lines inside a git block and before `is the first bad commit`", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      `# git bisect start ${A} ${C}`,
      "Bisecting: 3 revisions left to test after this (roughly 2 steps)",
      "warning: unable to access '/syzkaller/.config/git/ignore': Permission denied",
      `[${B}] x`,
      "",
    ]);
    expect(log.warnings).toEqual([]);
  });

  it("fix presence check: a git verdict with no test block before it is an untested step", () => {
    const log = parse([
      `bisecting fixing commit since ${A}`,
      `# git bisect start ${C} ${A}`,
      "Bisecting: 3 revisions left to test after this (roughly 2 steps)",
      `[${B}] x`,
      "",
      "determine whether the revision contains the guilty commit",
      "the bug was not introduced yet; pretend that kernel crashed",
      `# git bisect good ${B}`,
      "Bisecting: 1 revision left to test after this (roughly 1 step)",
    ]);
    expect(log.type).toBe("fix");
    expect(log.steps).toHaveLength(1);
    expect(log.steps[0]).toMatchObject({ commit: B, untested: true, verdict: "good", runs: [], revisionsLeft: 1, subject: "x" });
    expect(log.warnings).toEqual([]);
  });

  it("2019 Log_1130846e600000: git's skip list is not the result; the inconclusive list is", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      `testing commit ${B} with gcc (GCC) 8.1.0`,
      "all runs: boot failed: WARNING: workqueue cpumask: online intersect > possible intersect",
      `# git bisect skip ${B}`,
      "There are only 'skip'ped commits left to test.",
      "The first bad commit could be any of:",
      B,
      C,
      "We cannot bisect more!",
      "revisions tested: 95, total time: 28h36m4.619647213s (build: 8h57m56.950963545s, test: 19h15m16.126354862s)",
      "bisection is inconclusive, the first bad commit could be any of:",
      C,
      B,
    ]);
    expect(log.outcome).toBe("inconclusive");
    expect(log.candidates).toEqual([C, B]);
    expect(log.resultLine).toBe(11);
    expect(log.warnings).toEqual([]);
  });
});
