// The trustworthy range and its replay script: on the shared fixture (the bisection chased
// "WARNING in kvm_wait" after a start commit that crashed with "refcount bug in sk_psock_get"),
// on a clean corpus golden (every verdict trusted: the script is syzbot's own sequence), and on
// built logs.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { trustedRange } from "./range";
import { buildLog, CLEAN, hash, type StepSpec } from "./test-logs";

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

describe("trusted range on merge-heavy history (corpus logs, checked against their git lines by hand)", () => {
  const corpus = (x: string) => load(`../shared/corpus/syzbot-cause-2019-2023/Log_${x}.txt`);

  it("bounds by the last trusted bad and good in log order, and does not call the range pinned (3d21516cc586)", () => {
    // `Bisecting:` 6113, 3686, 2267, 810... no halving; the untrusted bads a8674f (L78), bf5432
    // (L120) and 408624 (L132) crashed only with other crashes; 32d5109a9d86 (L114) is the last
    // bad the judge trusts, and git still had 5 revisions left after it (L115)
    const { range } = corpus("17e6489b100000");
    expect(range.steps.filter((s) => !s.trusted).map((s) => s.commit.slice(0, 6))).toEqual(["a8674f", "bf5432", "408624"]);
    expect([range.bad.slice(0, 12), range.badLine]).toEqual(["32d5109a9d86", 114]);
    expect([range.good.slice(0, 12), range.goodLine]).toEqual(["077263fba100", 138]);
    // it was "one commit: the range is pinned" (an inverted range clamped to 1); the trusted goods
    // after L115 (0e1219 at L126, 077263 at L138) narrow git's 12 or so: an estimate of 2-12
    expect(range.candidates).toBeGreaterThan(1);
    expect(range.candidates).toBeLessThanOrEqual(12);
    expect(range.reproduces).toBe(false);
  });

  it("is git's own list of candidates where every verdict is trusted and only skipped commits were left (b7313dad1ac6)", () => {
    // L261-280: "There are only 'skip'ped commits left to test. The first bad commit could be any of:" 18 hashes
    const { log, range } = corpus("1479b63ee00000");
    expect(log.outcome).toBe("inconclusive");
    expect(range.allTrusted).toBe(true);
    expect(range.candidates).toBe(18);
    expect(range.stepsLeft).toBeNull(); // it was "~4 more steps": git had nothing left to test but skips
  });
});

describe("trusted range on any sequence of verdicts", () => {
  const BUG = "crashed: KASAN: use-after-free Read in foo_bar";
  const kinds: Record<"bad" | "badOff" | "good" | "goodLost", StepSpec> = {
    bad: { verdict: "bad", runs: BUG },
    badOff: { verdict: "bad", runs: "crashed: lost connection to test machine" },
    good: { verdict: "good", runs: "OK" },
    goodLost: { verdict: "good", runs: ["OK", "infra problem: x", "infra problem: x"] },
  };
  const arb = fc.array(fc.tuple(fc.constantFrom(...(Object.keys(kinds) as (keyof typeof kinds)[])), fc.integer({ min: 0, max: 5000 })), { minLength: 1, maxLength: 14 });

  it("has the last trusted bad and good as bounds, and at least one commit between them, whatever git's counts", () => {
    fc.assert(
      fc.property(arb, (seq) => {
        const r = parseBisectionLog(buildLog({ ...CLEAN, culprit: undefined, crash: undefined, steps: seq.map(([k]) => kinds[k]), left: seq.map(([, n]) => n) }));
        if (!r.ok) return false;
        const range = trustedRange(r.log)!;
        const trusted = range.steps.filter((s) => s.trusted);
        const lastBad = trusted.filter((s) => s.verdict === "bad").at(-1);
        const lastGood = trusted.filter((s) => s.verdict === "good").at(-1);
        expect(range.bad).toBe(lastBad?.commit ?? r.log.bisectStart!.bad);
        expect(range.good).toBe(lastGood?.commit ?? r.log.bisectStart!.good);
        expect(range.candidates).toBeGreaterThanOrEqual(1);
        expect(range.candidates).toBeLessThanOrEqual(2 * seq[0][1] + 2);
        // every tested commit lies inside the range it was tested in: bads' positions fall, goods' rise, never crossing
        for (const b of range.steps.filter((s) => s.verdict === "bad")) for (const g of range.steps.filter((s) => s.verdict === "good")) expect(b.position!).toBeGreaterThan(g.position!);
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
