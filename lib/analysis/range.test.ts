// The trustworthy range and its replay script: on the shared fixture (the bisection chased
// "WARNING in kvm_wait" after a start commit that crashed with "refcount bug in sk_psock_get"),
// on a clean corpus golden (every verdict trusted: the script is syzbot's own sequence), and on
// built logs.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { trustedRange } from "./range";
import { buildLog, CLEAN, hash } from "./test-logs";

function load(path: string) {
  const text = readFileSync(path, "utf8");
  const r = parseBisectionLog(text);
  if (!r.ok) throw new Error(r.reason);
  return { log: r.log, text, range: trustedRange(r.log)! };
}

/** `# git bisect good|bad|skip <hash>` lines of a log, as `git bisect ...` commands. */
function gitLines(text: string): string[] {
  return text.split("\n").filter((l) => /^# git bisect (good|bad|skip) /.test(l)).map((l) => l.slice(2));
}

describe("trusted range on the fixture", () => {
  const { log, range } = load("lib/parser/testdata/cause-kvm_wait-title-drift.txt");

  it("takes the start commit's crash as the bug", () => {
    expect(range.reference).toEqual(["WARNING: refcount bug in sk_psock_get", "WARNING: refcount bug in bpf_exec_tx_verdict"]);
  });

  it("trusts no verdict driven by WARNING in kvm_wait, and every good verdict", () => {
    const untrusted = range.steps.filter((s) => !s.trusted);
    expect(untrusted.map((s) => s.verdict)).toEqual(Array(8).fill("bad"));
    expect(untrusted.every((s) => s.why === "crashed only with “WARNING in kvm_wait”")).toBe(true);
    expect(untrusted.every((s) => s.offTarget === "other-subsystem")).toBe(true);
    expect(range.steps.filter((s) => s.trusted).map((s) => s.commit.slice(0, 12))).toEqual(["e4286926abbb", "d089f48fba28", "c5e6fc08feb2", "7e923e6a3ceb", "2f0df49c89ac"]);
  });

  it("leaves the range from the last trusted good to the start commit", () => {
    expect(range.good).toBe("2f0df49c89acaa58571d509830bc481250699885"); // line 183
    expect(range.goodLine).toBe(183);
    expect(range.bad).toBe(log.bisectStart?.bad); // 9c54130cd255, line 29
    expect(range.allTrusted).toBe(false);
    expect(range.reproduces).toBe(false);
    // 11797 revisions left after `git bisect start` (line 30): ~23596 commits, the last good at ~4530
    expect(range.candidates).toBeGreaterThan(10000);
    expect(range.stepsLeft).toBe(15);
  });

  it("writes a replay script of the trusted steps, the others as comments", () => {
    const lines = range.script.trim().split("\n");
    expect(lines[0]).toBe("git bisect start '9c54130cd25528028b2d38f6ada0c79e92210390' 'f40ddce88593482919761f74910f42f4b84c004b'");
    expect(lines.filter((l) => l.startsWith("git bisect good"))).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith("git bisect bad"))).toHaveLength(0);
    expect(lines.filter((l) => l.startsWith("# not trusted: "))).toHaveLength(8);
    // each reason sits on its own line, the commented-out command on the next, short enough for a phone
    lines.forEach((l, i) => {
      if (l.startsWith("# not trusted")) expect(lines[i + 1]).toMatch(/^# git bisect (good|bad) [0-9a-f]{40}$/);
    });
    expect(lines.every((l) => !l.startsWith("# not trusted") || !l.includes("git bisect"))).toBe(true);
    expect(range.hint).toContain("revert 997acaf6b4b5 on the start commit 9c54130cd255");
  });
});

describe("trusted range on a clean golden", () => {
  const { log, text, range } = load("lib/parser/testdata/corpus/2019-sig40-kernel-previous-signature.Log_10424ceae00000.txt");

  it("trusts every step and pins syzbot's culprit", () => {
    expect(range.allTrusted).toBe(true);
    expect(range.reproduces).toBe(true);
    expect(range.candidates).toBe(1);
    expect(range.bad).toBe(log.commit?.hash);
  });

  it("replays exactly the verdicts syzbot gave git, so git ends on the same first bad commit", () => {
    const script = range.script.trim().split("\n");
    const [bad, good] = text.split("\n").find((l) => l.startsWith("# git bisect start "))!.split(" ").slice(4);
    const start = `git bisect start '${bad}' '${good}'`;
    expect(script).toEqual([start, ...gitLines(text)]);
    expect(range.hint).toContain("Every verdict is trusted");
  });
});

describe("trusted range on built logs", () => {
  it("distrusts bad verdicts from lost connections and another subsystem, not related crashes", () => {
    const text = buildLog({
      ...CLEAN,
      steps: [
        { verdict: "bad", runs: "crashed: lost connection to test machine" },
        { verdict: "good", runs: "OK" },
        { verdict: "bad", runs: "crashed: WARNING in kvm_wait" },
        { verdict: "bad", runs: "crashed: KASAN: use-after-free Read in foo_bar_release" },
        { verdict: "good", runs: ["OK", "infra problem: x", "infra problem: x"] },
      ],
    });
    const r = parseBisectionLog(text);
    if (!r.ok) throw new Error(r.reason);
    const range = trustedRange(r.log)!;
    expect(range.steps.map((s) => [s.trusted, s.offTarget])).toEqual([
      [false, "unspecific"],
      [true, null],
      [false, "other-subsystem"],
      [true, "unseen"],
      [false, null],
    ]);
    expect(range.bad).toBe(hash(6));
    expect(range.good).toBe(hash(4));
    expect(range.script).toContain(`git bisect bad ${hash(6)}`);
    expect(range.script).toContain(`# not trusted: only 1 of 3 runs ran clean\n# git bisect good ${hash(7)}\n`);
  });

  it("is null without git bisect start", () => {
    const r = parseBisectionLog(buildLog({ ...CLEAN, steps: [] }).replace(/^# git bisect start.*\n/m, ""));
    expect(r.ok && trustedRange(r.log)).toBe(null);
  });
});
