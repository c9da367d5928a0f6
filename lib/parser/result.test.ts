// Header, range finding, summary and result lines (§2.1, §2.4, §2.7-2.9, §3), by era.
import { describe, expect, it } from "vitest";
import { A, B, C, parse } from "./test-helpers";
import { durationSeconds, quotedList } from "./result";



describe("header and results", () => {
  it("2022+ E7 header: host line, ensuring line + empty line, syzkaller commit", () => {
    const log = parse([
      "ci2 starts bisection 2023-02-26 11:46:17.044173253 +0000 UTC m=+61924.038322504",
      `bisecting cause commit starting from ${A}`,
      "building syzkaller on 6a81331a1d4c744da9204d02ec88d558f7eea9c9",
      `ensuring issue is reproducible on original commit ${A}`,
      "",
      `testing commit ${A} gcc`,
      "all runs: crashed: WARNING in kvm_wait",
    ]);
    expect(log).toMatchObject({ host: "ci2", type: "cause", startCommit: A, syzkallerCommit: "6a81331a1d4c744da9204d02ec88d558f7eea9c9", headTruncated: false });
    expect(log.steps[0].role).toBe("start");
  });

  it("2023 fix bisection: HEAD test, crash still not fixed, `commit msg:` -> horizon", () => {
    const log = parse([
      `bisecting fixing commit since ${A}`,
      "building syzkaller on 6a81331a1d4c744da9204d02ec88d558f7eea9c9",
      `testing commit ${A} gcc`,
      "all runs: crashed: KASAN: use-after-free Read in foo",
      `testing current HEAD ${B}`,
      `testing commit ${B} gcc`,
      "all runs: crashed: KASAN: use-after-free Read in foo",
      "crash still not fixed or there were kernel test errors",
      "revisions tested: 2, total time: 41m2.1s (build: 20m0s, test: 20m850ms)",
      "crash still not fixed or there were kernel test errors",
      "commit msg: Merge tag 'net-6.5-rc1'",
      "crash: KASAN: use-after-free Read in foo",
    ]);
    expect(log).toMatchObject({ type: "fix", outcome: "horizon", horizonCommitMessage: "Merge tag 'net-6.5-rc1'", revisionsTested: 2, totalSeconds: 2462.1, buildSeconds: 1200 });
    expect(log.steps.map((s) => s.role)).toEqual(["start", "head"]);
    expect(log.crash).toMatchObject({ title: "KASAN: use-after-free Read in foo", line: 12, endLine: 12, frames: [] });
    expect(log.warnings).toEqual([]);
  });

  it("2019 fix bisection found: `first good commit:`, recipients", () => {
    const log = parse([
      `bisecting fixing commit since ${A}`,
      `# git bisect start ${B} ${A}`,
      `${C} is the first bad commit`,
      `commit ${C}`,
      "Author: A <a@b.c>",
      "Date:   Mon Jan 11 15:37:07 2021 +0000",
      "",
      "    nfc: fix",
      "",
      `first good commit: ${C} nfc: fix`,
      'recipients (to): ["a@b.c" "x\\"y@z"]',
      "recipients (cc): []",
    ]);
    expect(log).toMatchObject({ type: "fix", outcome: "found", resultLine: 10, recipientsTo: ["a@b.c", 'x"y@z'], recipientsCc: [] });
    expect(log.commit!.hash).toBe(C);
  });

  it("2019-2023 horizon wordings and 2019 `cc:` lists", () => {
    for (const line of ["the crash already happened on the oldest tested release", "oldest tested release already had the bug or it had kernel test errors"]) {
      const log = parse([`bisecting cause commit starting from ${A}`, "testing release v4.19", `testing commit ${B} with gcc (GCC) 8.1.0`, "all runs: crashed: X", line, 'cc: ["a@b.c"]']);
      expect(log.outcome).toBe("horizon");
      expect(log.type).toBe("cause");
      expect(log.recipientsCc).toEqual(["a@b.c"]);
    }
  });

  it("2023 Log_11993d45480000: a multi-line `error: syzkaller build failed` keeps the whole text", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      "revisions tested: 0, total time: 24.796802195s (build: 0s, test: 0s)",
      'error: syzkaller build failed: failed to run ["make" "target"]: exit status 2',
      "tput: No value for $TERM and no -T specified",
      "",
      'go env (err=failed to run ["go" "env"]: exit status 1',
      ")",
      "testing commit looks like a head but is error text",
      "",
      "",
    ]);
    expect(log.outcome).toBe("error");
    expect(log.error).toBe('syzkaller build failed: failed to run ["make" "target"]: exit status 2\ntput: No value for $TERM and no -T specified\n\ngo env (err=failed to run ["go" "env"]: exit status 1\n)\ntesting commit looks like a head but is error text');
    expect(log.steps).toEqual([]);
    expect(log.warnings).toEqual([]);
  });

  it("2020-2023 E8: kconfig minimization re-tests get role minimize; summary lines", () => {
    const log = parse([
      `bisecting cause commit starting from ${A}`,
      `testing commit ${A} gcc`,
      "all runs: crashed: X",
      "check whether we can drop unnecessary instrumentation",
      "disabling configs for [UBSAN BUG KASAN LOCKDEP ATOMIC_SLEEP LEAK], they are not needed",
      `testing commit ${A} gcc`,
      "all runs: crashed: X",
      "the bug reproduces without the instrumentation",
      "kconfig minimization: base=1234 full=5678 leaves diff=321",
      "split chunks (needed=false): <321>",
      "split chunk #0 of len 321 into 5 parts",
      "testing without sub-chunk 1/5",
      `testing commit ${A} gcc`,
      "all runs: OK",
      "the chunk can be dropped",
      "minimized to 3 configs; suspects: [A B C]",
      "picked [v6.9 v6.8] out of 32 release tags",
      "testing release v6.8",
      `testing commit ${B} gcc`,
      "all runs: OK",
      `# git bisect start ${A} ${B}`,
      `${C} is the first bad commit`,
      "accumulated error probability: 0.05",
      "reproducer is flaky (0.37 repro chance estimate)",
    ]);
    expect(log.steps.map((s) => s.role)).toEqual(["start", "minimize", "minimize", "release"]);
    expect(log.errorProbability).toBe(0.05);
    expect(log.flaky).toEqual({ text: "reproducer is flaky (0.37 repro chance estimate)", reproChance: 0.37, line: 24 });
    expect(log.warnings).toEqual([]);
  });

  it("2023 cross-tree fix: `<sha>/<title with /> is a merge base` gives a merge-base step", () => {
    const log = parse([
      `bisecting fixing commit since ${A}`,
      `determining the merge base between ${A} and ${B}`,
      `${C}/net/sched: fix a/b is a merge base, check if it has the bug`,
      `testing commit ${C} gcc`,
      "all runs: OK",
      "reproducer does not crash the merge base, so there's no known bad commit",
    ]);
    expect(log.steps[0]).toMatchObject({ role: "merge-base", commit: C });
    expect(log.warnings).toEqual([]);
  });

  it("reads Go durations and %q lists", () => {
    expect(durationSeconds("3h52m11.87855939s")).toBeCloseTo(13931.87855939);
    expect(durationSeconds("850ms")).toBe(0.85);
    expect(durationSeconds("0s")).toBe(0);
    expect(durationSeconds("soon")).toBeNull();
    expect(quotedList('"a@b.org" "c@d.org" "a@b.org"')).toEqual(["a@b.org", "c@d.org", "a@b.org"]);
  });
});
