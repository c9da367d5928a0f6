// The off-target rule, on logs built to fire it and not to (cause and fix bisections).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { judgeBisection, type Judgement } from "./index";
import { buildFixLog, buildLog, CLEAN, CLEAN_FIX, kasanReport, variant } from "./test-logs";
import { bugIndex, isBug, isRelated, KSYM_NAME_LEN, MAX_SUFFIX_PLACES, relatedPairwise } from "./off-target-kind";
import { sameBug, titleKey } from "./titles";

function judge(text: string): Judgement {
  const r = parseBisectionLog(text);
  if (!r.ok) throw new Error(`parser rejected the test log: ${r.reason}`);
  return judgeBisection(r.log, text);
}
const off = (j: Judgement) => j.findings.find((f) => f.rule === "off-target");
const FOO = "KASAN: use-after-free Read in foo_bar";

describe("off-target", () => {
  it("stays silent on a clean bisection", () => {
    expect(off(judge(buildLog(CLEAN)))).toBeUndefined();
  });

  it("fires high when the culprit's own test crashed only with machine failures", () => {
    const steps = [
      { verdict: "bad" as const, runs: `crashed: ${FOO}` },
      { verdict: "good" as const, runs: "OK" },
      { verdict: "bad" as const, runs: ["crashed: lost connection to test machine", "OK", "crashed: SYZFATAL: executor failed"] },
      { verdict: "good" as const, runs: "OK" },
    ];
    const j = judge(variant({ steps }));
    const f = off(j)!;
    expect(f.severity).toBe("high");
    expect(f.message).toContain("machine or syzkaller failures");
    expect(f.message).toContain("the culprit's own test was one of them");
    // the first machine failure of that test (`run #0: crashed: lost connection ...`), then its verdict
    const lines = variant({ steps }).split("\n");
    const crashLine = lines.indexOf("run #0: crashed: lost connection to test machine") + 1;
    expect(crashLine).toBeGreaterThan(0);
    expect(f.lines).toEqual([crashLine, j.trust!.steps[2].line]);
    expect(j.verdict).toBe("likely-wrong");
  });

  it("fires high when another subsystem's crash is among verdicts that leave many commits in question", () => {
    // the last good ran clean in 1 of 3 runs: not trusted, so the culprit's test is bounded below by step 1 only
    const steps = [
      { verdict: "bad" as const, runs: "crashed: WARNING in kvm_wait" },
      { verdict: "good" as const, runs: "OK" },
      { verdict: "bad" as const, runs: `crashed: ${FOO}` },
      { verdict: "good" as const, runs: ["OK", "infra problem: x", "infra problem: x"] },
    ];
    const j = judge(variant({ steps }));
    expect(off(j)?.severity).toBe("high");
    expect(off(j)?.message).toContain("another subsystem's crash");
    expect(j.trust!.candidates).toBeGreaterThan(1);
  });

  it("is low when a trusted bad tested after the off-target one bounds the culprit anyway (git tests only inside the range)", () => {
    const steps = [
      { verdict: "bad" as const, runs: "crashed: WARNING in kvm_wait" },
      { verdict: "good" as const, runs: "OK" },
      { verdict: "bad" as const, runs: `crashed: ${FOO}` },
      { verdict: "good" as const, runs: "OK" },
    ];
    const j = judge(variant({ steps }));
    expect(j.trust!.bad).toBe(j.trust!.steps[2].commit);
    expect(j.trust!.candidates).toBe(1);
    expect(off(j)?.severity).toBe("low");
  });

  it("is low when the trusted verdicts alone still pin the result", () => {
    // the off-target bad verdict comes first; a trusted bad verdict later bounds the range anyway
    const steps = [
      { verdict: "good" as const, runs: "OK" },
      { verdict: "bad" as const, runs: `crashed: ${FOO}` },
      { verdict: "bad" as const, runs: "crashed: no output from test machine" },
      { verdict: "good" as const, runs: "OK" },
      { verdict: "bad" as const, runs: `crashed: ${FOO}` },
      { verdict: "good" as const, runs: "OK" },
    ];
    // git's counts of a linear history of 64 commits: the steps test 32, 48, 40, 36, 38, 37
    const text = buildLog({ ...CLEAN, steps, left: [31, 15, 7, 3, 1, 0], crash: { title: FOO, report: kasanReport("foo_bar", "drivers/foo/bar.c") } });
    const j = judge(text);
    expect(j.trust!.steps.map((s) => s.position)).toEqual([32, 48, 40, 36, 38, 37]);
    expect(j.trust!.candidates).toBe(1);
    expect(j.trust!.reproduces).toBe(true);
    expect(off(j)?.severity).toBe("low");
  });

  it("does not count a related crash of the same subsystem", () => {
    const steps = CLEAN.steps.map((s) => (s.verdict === "bad" ? { ...s, runs: "crashed: KASAN: use-after-free Read in foo_bar_release" } : s));
    expect(off(judge(variant({ steps })))).toBeUndefined();
  });

  it("reads fix bisections' inverted words: a still-crashing verdict from noise", () => {
    const steps = CLEAN_FIX.steps.map((s, i) => (i === 3 ? { ...s, runs: "crashed: lost connection to test machine" } : s));
    const j = judge(buildFixLog({ ...CLEAN_FIX, steps }));
    expect(off(j)?.severity).toBe("high");
    expect(off(j)?.message).toContain("\"still crashing\" verdict");
    expect(off(judge(buildFixLog(CLEAN_FIX)))).toBeUndefined();
  });
});

describe("the bug index", () => {
  const titles = [
    "WARNING: refcount bug in sk_psock_get", "WARNING in kvm_wait", "KASAN: use-after-free Read in fuse_request_end",
    "KASAN: use-after-free Read in request_end", "INFO: task hung in foo", "INFO: rcu detected stall in bar",
    "BUG: bad usercopy in con_font_op", "KASAN: use-after-free Write in fbcon_get_font", "kernel BUG at net/rxrpc/conn_object.c:NUM!",
    "WARNING: locking bug in rxrpc_unbundle_conn", "KASAN: slab-out-of-bounds Read in j1939_tp_txtimer", "WARNING in j1939_session_deactivate",
    "lost connection to test machine", "WARNING in corrupted", "WARNING in foo_free", "WARNING in bar_free", "general protection fault in end",
  ].map(titleKey);
  it("answers as titles.ts's pairwise sameBug and relatedBug, for every reference set of two and every title", () => {
    for (const a of titles)
      for (const b of titles) {
        const idx = bugIndex([a, b]);
        for (const t of titles) {
          expect(isBug(idx, t), `${a.title} + ${b.title} vs ${t.title}`).toBe(sameBug(a, t) || sameBug(b, t));
          expect(isRelated(idx, t), `${a.title} + ${b.title} vs ${t.title}`).toBe(relatedPairwise(idx.keys, t));
        }
      }
  });

  // places made of few letters and many underscores, where suffixes meet most often
  const place = fc.array(fc.constantFrom("a", "b", "_", "a_", "_b", "ab"), { minLength: 1, maxLength: 12 }).map((p) => p.join(""));
  it("answers as the pairwise relation on generated places (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(place, { minLength: 1, maxLength: 6 }), place, (refs, p) => {
        const keys = refs.map((r) => titleKey(`WARNING in ${r}`));
        const t = titleKey(`KASAN: use-after-free Read in ${p}`);
        expect(isRelated(bugIndex(keys), t)).toBe(relatedPairwise(bugIndex(keys).keys, t));
      }),
      { numRuns: 2000 },
    );
  });

  it("relates by suffix only places a kernel could name, of the first places of the bug", () => {
    const long = `${"x".repeat(KSYM_NAME_LEN)}_end`;
    // the pairwise relation holds, but no symbol is that long: not indexed, not looked up
    expect(relatedPairwise([titleKey(`WARNING in ${long}`)], titleKey("WARNING in end"))).toBe(true);
    expect(isRelated(bugIndex([titleKey(`WARNING in ${long}`)]), titleKey("WARNING in end"))).toBe(false);
    // (places of short parts: no name component of 4 letters or prefix of 3 relates them)
    expect(isRelated(bugIndex([titleKey("WARNING in rq_end")]), titleKey(`WARNING in ${"y_".repeat(KSYM_NAME_LEN / 2)}rq_end`))).toBe(false);
    expect(isRelated(bugIndex([titleKey("WARNING in rq_end")]), titleKey("WARNING in fs_rq_end"))).toBe(true);
    const many = Array.from({ length: MAX_SUFFIX_PLACES }, (_, i) => titleKey(`WARNING in p${i}_zz`));
    const idx = bugIndex([...many, titleKey("WARNING in rq_end")]);
    expect(isRelated(idx, titleKey("WARNING in fs_rq_end"))).toBe(false);
    expect(isRelated(idx, titleKey("WARNING in fs_p3_zz"))).toBe(true);
    // the place itself is still the bug
    expect(isBug(idx, titleKey("KASAN: use-after-free Read in rq_end"))).toBe(true);
  });
});
