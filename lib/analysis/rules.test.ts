import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { judgeBisection, type Judgement, type RuleId } from "./index";
import { CLEAN, kasanReport, variant } from "./test-logs";

function judge(text: string): Judgement {
  const r = parseBisectionLog(text);
  if (!r.ok) throw new Error(`parser rejected the test log: ${r.reason}`);
  return judgeBisection(r.log);
}
const sev = (j: Judgement, rule: RuleId) => j.findings.find((f) => f.rule === rule)?.severity;
const FOO = "KASAN: use-after-free Read in foo_bar";
const OTHER = "WARNING in baz_qux";

describe("title-drift", () => {
  it("fires high when the culprit was blamed for another function's crash", () => {
    const j = judge(variant({ steps: CLEAN.steps.map((s) => (s.verdict === "bad" ? { ...s, runs: `crashed: ${OTHER}` } : s)), crash: { title: OTHER, report: kasanReport("baz_qux", "drivers/foo/bar.c") } }));
    expect(sev(j, "title-drift")).toBe("high");
    expect(j.verdict).toBe("likely-wrong");
  });
  it("speaks of the candidates, not a culprit, when the result is inconclusive", () => {
    const found = variant({ steps: CLEAN.steps.map((s) => (s.verdict === "bad" ? { ...s, runs: `crashed: ${OTHER}` } : s)), crash: { title: OTHER, report: kasanReport("baz_qux", "drivers/foo/bar.c") } });
    const head = found.slice(0, found.indexOf("0505050505050505050505050505050505050505 is the first bad commit"));
    const inconclusive = `${head}There are only 'skip'ped commits left to test.\nThe first bad commit could be any of:\n${"05".repeat(20)}\n${"07".repeat(20)}\nWe cannot bisect more!\nrevisions tested: 6, total time: 1h2m3.5s (build: 30m1s, test: 30m2s)\nbisection is inconclusive, the first bad commit could be any of:\n${"05".repeat(20)}\n${"07".repeat(20)}\n`;
    const j = judge(inconclusive);
    const drift = j.findings.find((f) => f.rule === "title-drift");
    expect(drift?.message).toContain("the bad verdict that closed the range of candidates came from “WARNING in baz_qux”");
    expect(drift?.message).not.toContain("culprit");
  });
  it("treats kind variants of one function as one bug", () => {
    const t = "KASAN: slab-out-of-bounds Write in foo_bar";
    const j = judge(variant({ steps: CLEAN.steps.map((s) => (s.verdict === "bad" ? { ...s, runs: `crashed: ${t}` } : s)), crash: { title: t, report: kasanReport("foo_bar", "drivers/foo/bar.c") } }));
    expect(sev(j, "title-drift")).toBeUndefined();
  });
  it("is only low when the functions share a distinctive name component", () => {
    const t = "KASAN: use-after-free Read in fbfoo_get_widget";
    const start = "crashed: BUG: bad usercopy in con_widget_op";
    const j = judge(variant({ start, steps: CLEAN.steps.map((s) => (s.verdict === "bad" ? { ...s, runs: `crashed: ${t}` } : s)), crash: { title: t, report: kasanReport("fbfoo_get_widget", "drivers/foo/bar.c") } }));
    expect(sev(j, "title-drift")).toBe("low");
  });
  it("is only low for another function of the same subsystem", () => {
    const t = "KASAN: use-after-free Read in foo_baz";
    const j = judge(variant({ steps: CLEAN.steps.map((s) => (s.verdict === "bad" ? { ...s, runs: `crashed: ${t}` } : s)), crash: { title: t, report: kasanReport("foo_baz", "drivers/foo/bar.c") } }));
    expect(sev(j, "title-drift")).toBe("low");
  });
});

describe("crash-in-boot", () => {
  it("fires when the chased crash is also a boot failure", () => {
    const runs = [`crashed: ${FOO}`, `crashed: ${FOO}`, "OK", `boot failed: ${FOO}`];
    const j = judge(variant({ steps: [{ verdict: "bad", runs }, ...CLEAN.steps.slice(1)] }));
    expect(sev(j, "crash-in-boot")).toBe("high");
  });
  it("does not fire on an unrelated boot failure", () => {
    const runs = [`crashed: ${FOO}`, `crashed: ${FOO}`, "OK", "boot failed: can't ssh into the instance"];
    expect(sev(judge(variant({ steps: [{ verdict: "bad", runs }, ...CLEAN.steps.slice(1)] })), "crash-in-boot")).toBeUndefined();
  });
});

describe("detector-commit", () => {
  it("fires medium when the culprit changes lib/Kconfig.debug", () => {
    const j = judge(variant({}, { files: ["lib/Kconfig.debug", "kernel/foo.c"], subject: "debug: add a check" }));
    expect(sev(j, "detector-commit")).toBe("medium");
  });
  it("does not fire on a plain driver change", () => {
    expect(sev(judge(variant({})), "detector-commit")).toBeUndefined();
  });
});

describe("stack-overlap", () => {
  it("fires medium when the culprit is nowhere near the stack", () => {
    expect(sev(judge(variant({}, { files: ["sound/core/timer.c"] })), "stack-overlap")).toBe("medium");
  });
  it("is info when the culprit changes the guilty file", () => {
    expect(sev(judge(variant({})), "stack-overlap")).toBe("info");
  });
});

describe("stack-overlap: free stacks and hangs", () => {
  const freed = (fn: string, file: string) =>
    kasanReport(fn, file).replace(/={10,}$/, `Freed by task 8762:
 kfree+0x10/0x20 mm/slub.c:4000
 sound_release+0x30/0x40 sound/core/timer.c:77
==================================================================`);
  it("is info when the culprit changed the code that freed the object", () => {
    const j = judge(variant({ crash: { title: FOO, report: freed("foo_bar", "drivers/foo/bar.c") } }, { files: ["sound/core/timer.c"] }));
    expect(sev(j, "stack-overlap")).toBe("info");
  });
  it("is info for a hang report, whose stack is where a task waited", () => {
    const hang = "INFO: task hung in foo_bar";
    const steps = CLEAN.steps.map((s) => (s.verdict === "bad" ? { ...s, runs: `crashed: ${hang}` } : s));
    const j = judge(variant({ start: `crashed: ${hang}`, steps, crash: { title: hang, report: kasanReport("foo_bar", "drivers/foo/bar.c") } }, { files: ["sound/core/timer.c"] }));
    expect(sev(j, "stack-overlap")).toBe("info");
  });
  it("is still medium for a use-after-free far from every stack", () => {
    expect(sev(judge(variant({ crash: { title: FOO, report: freed("foo_bar", "drivers/foo/bar.c") } }, { files: ["net/core/dev.c"] })), "stack-overlap")).toBe("medium");
  });
});

describe("flaky-bad and flaky-good", () => {
  const lone = ["OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", `crashed: ${OTHER}`];
  it("calls a bad verdict from one foreign crash high", () => {
    const j = judge(variant({ steps: [{ verdict: "bad", runs: lone }, ...CLEAN.steps.slice(1)] }));
    expect(sev(j, "flaky-bad")).toBe("high");
  });
  it("sees a good verdict as a likely false negative when p is low", () => {
    const weak = lone.map((r) => (r === "OK" ? r : `crashed: ${FOO}`));
    const j = judge(variant({ steps: [{ verdict: "bad", runs: weak }, { verdict: "good", runs: "OK" }, { verdict: "bad", runs: weak }, { verdict: "good", runs: "OK" }] }));
    expect(sev(j, "flaky-bad")).toBe("medium");
    expect(sev(j, "flaky-good")).toBe("medium");
    expect(j.confidence).toBeLessThan(0.66);
  });
  it("says which runs it left out, so its counts agree with the matrix's k of all runs", () => {
    // the 89d3c425b6e2 shape (Log_14da4445d00000 L16-25): 1 crash, 2 boot failures, 7 OK
    const runs = [`crashed: ${FOO}`, `boot failed: ${OTHER}`, `boot failed: ${OTHER}`, "OK", "OK", "OK", "OK", "OK", "OK", "OK"];
    const j = judge(variant({ steps: [{ verdict: "bad", runs }, ...CLEAN.steps.slice(1)] }));
    expect(j.findings.find((f) => f.rule === "flaky-bad")?.message).toMatch(/ on 1 crash in 8 runs \(of 10: 2 boot failures\)[,.]/);
  });
  it("does not count the runs of an `all runs: OK` line the log did not count", () => {
    // one crash in ten at the bad steps; the good steps printed only `all runs: OK`
    const weak = lone.map((r) => (r === "OK" ? r : `crashed: ${FOO}`));
    const j = judge(variant({ steps: [{ verdict: "bad", runs: weak }, { verdict: "good", runs: "OK" }, { verdict: "bad", runs: weak }, { verdict: "good", runs: "OK" }] }));
    const good = j.findings.filter((f) => f.rule === "flaky-good").map((f) => f.message);
    for (const m of good) expect(m).not.toMatch(/on \d+ clean runs/);
    expect(good.length).toBeGreaterThan(0);
    expect(good[0]).toContain("on an `all runs: OK` line (run count not logged)");
  });
  it("stays silent when every bad step crashed every run", () => {
    const j = judge(variant({}));
    expect(sev(j, "flaky-bad")).toBeUndefined();
    expect(sev(j, "flaky-good")).toBeUndefined();
  });
});

describe("low-confidence", () => {
  // p = 3/10 from the bad steps; each good step saw 5 clean runs: (1 - 0.7^5)^2 = 0.69, and a
  // third such step brings it to 0.58, below syzbot's 0.66 cut-off.
  const weakBad = { verdict: "bad" as const, runs: [`crashed: ${FOO}`, `crashed: ${FOO}`, `crashed: ${FOO}`, "OK", "OK", "OK", "OK", "OK", "OK", "OK"] };
  const fiveClean = { verdict: "good" as const, runs: ["OK", "OK", "OK", "OK", "OK", "infra problem: timed out", "infra problem: timed out", "infra problem: timed out", "infra problem: timed out", "infra problem: timed out"] };
  it("fires medium when the recomputed confidence is below 0.66, on the good steps' lines", () => {
    const j = judge(variant({ steps: [weakBad, fiveClean, weakBad, fiveClean, fiveClean] }));
    const f = j.findings.find((x) => x.rule === "low-confidence");
    expect(j.confidence).toBeCloseTo(Math.pow(1 - Math.pow(0.7, 5), 3), 6);
    expect(f?.severity).toBe("medium");
    expect(f?.message).toContain("gives 57.6%, below its cut-off of 66.0%");
    // each good step's first clean run and its verdict
    expect(f?.lines).toHaveLength(6);
  });
  it("does not fire at or above the cut-off", () => {
    const j = judge(variant({ steps: [weakBad, fiveClean, weakBad, fiveClean] }));
    expect(j.confidence).toBeGreaterThanOrEqual(0.66);
    expect(sev(j, "low-confidence")).toBeUndefined();
    expect(sev(judge(variant({})), "low-confidence")).toBeUndefined();
  });
});

describe("culprit kinds", () => {
  it("no-op", () => expect(sev(judge(variant({}, { noop: true })), "noop-culprit")).toBe("high"));
  it("merge", () => expect(sev(judge(variant({}, { merge: true, subject: "Merge tag 'foo-5.12' of git://git.kernel.org/foo" })), "merge-culprit")).toBe("high"));
  it("release", () => expect(sev(judge(variant({}, { subject: "Linux 5.12", files: ["Makefile"] })), "release-culprit")).toBe("high"));
  it("documentation only", () => expect(sev(judge(variant({}, { files: ["Documentation/foo.rst"] })), "scope-only")).toBe("high"));
  it("Kconfig and Makefiles only", () => {
    const j = judge(variant({}, { files: ["drivers/foo/Kconfig", "drivers/foo/Makefile"] }));
    expect(sev(j, "scope-only")).toBe("high");
    expect(j.findings.find((f) => f.rule === "scope-only")?.message).toContain("Kconfig");
  });
  it("not when Kconfig comes with code", () => expect(sev(judge(variant({}, { files: ["drivers/foo/Kconfig", "drivers/foo/bar.c"] })), "scope-only")).toBeUndefined());
  it("another architecture", () => expect(sev(judge(variant({}, { files: ["arch/arm64/kernel/foo.c"] })), "scope-only")).toBe("high"));
  it("none of them on a normal culprit", () => {
    const j = judge(variant({}));
    for (const r of ["noop-culprit", "merge-culprit", "release-culprit", "scope-only"] as RuleId[]) expect(sev(j, r)).toBeUndefined();
  });
});

describe("new-interface", () => {
  const raw = ["drivers/usb/gadget/legacy/raw_gadget.c", "include/uapi/linux/usb/raw_gadget.h"];
  it("fires medium when a culprit far from the crash changes the user-space API, and makes it likely wrong with stack-overlap", () => {
    const j = judge(variant({}, { subject: "usb: gadget: add raw-gadget interface", files: raw }));
    expect(sev(j, "new-interface")).toBe("medium");
    expect(sev(j, "stack-overlap")).toBe("medium");
    expect(j.verdict).toBe("likely-wrong");
    const f = j.findings.find((x) => x.rule === "new-interface");
    expect(f?.message).toContain("(include/uapi/linux/usb/raw_gadget.h)");
    expect(j.decisive).toEqual(["new-interface", "stack-overlap"]);
    expect(j.headline).toBe("culprit may only let the reproducer in");
    expect(f?.lines).toHaveLength(2); // the commit and its one uapi header
    expect(j.trust?.hint).not.toContain("To confirm the culprit, revert");
    expect(j.trust?.hint).toMatch(/^Every verdict is trusted: .* A revert of [0-9a-f]{12} proves little here: it takes away what it added to include\/uapi\/linux\/usb\/raw_gadget\.h, so a reproducer that calls it stops crashing however old the bug is\./);
  });
  it("reads arch uapi headers too, and names at most three", () => {
    const files = ["arch/x86/include/uapi/asm/kvm.h", ...[1, 2, 3].map((n) => `include/uapi/linux/foo${n}.h`)];
    const f = judge(variant({}, { files })).findings.find((x) => x.rule === "new-interface");
    expect(f?.message).toContain("(arch/x86/include/uapi/asm/kvm.h, include/uapi/linux/foo1.h, include/uapi/linux/foo2.h and 1 more)");
    expect(f?.lines).toHaveLength(4); // the commit and the three named
  });
  it("is silent for a merge (merge-culprit speaks) and for a uapi directory's Kbuild", () => {
    const merge = judge(variant({}, { subject: "Merge tag 'usb-5.7-rc1' of git://git.kernel.org/pub/scm/linux/kernel/git/gregkh/usb", files: raw }));
    expect(sev(merge, "merge-culprit")).toBe("high");
    expect(sev(merge, "new-interface")).toBeUndefined();
    expect(sev(judge(variant({}, { files: ["sound/core/timer.c", "include/uapi/linux/Kbuild"] })), "new-interface")).toBeUndefined();
  });
  it("is silent when the culprit with the uapi change also changes the guilty file", () => {
    const j = judge(variant({}, { files: ["drivers/foo/bar.c", "include/uapi/linux/foo.h"] }));
    expect(sev(j, "new-interface")).toBeUndefined();
    expect(j.verdict).toBe("clean");
    expect(j.trust?.hint).not.toContain("a revert proves little");
  });
  it("is silent for a culprit far from the crash that leaves the user-space API alone", () => {
    const j = judge(variant({}, { files: ["drivers/usb/gadget/legacy/raw_gadget.c", "include/linux/usb/raw_gadget.h"] }));
    expect(sev(j, "new-interface")).toBeUndefined();
    expect(j.verdict).toBe("doubtful");
  });
  it("is silent for a hang, whose stack says nothing of where the culprit should be", () => {
    const hang = "INFO: task hung in foo_bar";
    const steps = CLEAN.steps.map((s) => (s.verdict === "bad" ? { ...s, runs: `crashed: ${hang}` } : s));
    const j = judge(variant({ start: `crashed: ${hang}`, steps, crash: { title: hang, report: kasanReport("foo_bar", "drivers/foo/bar.c") } }, { files: raw }));
    expect(sev(j, "new-interface")).toBeUndefined();
  });
  it("does not take a path that only mentions uapi for a uapi header", () => {
    const j = judge(variant({}, { files: ["tools/include/uapi/linux/bpf.h", "arch/include/uapi/x.h", "archive/include/uapi/x.h"] }));
    expect(sev(j, "new-interface")).toBeUndefined();
  });
});

describe("deep-history", () => {
  it("fires medium when the reproducer crashed six releases back", () => {
    const j = judge(variant({ releases: Array(6).fill(`crashed: ${FOO}`) }));
    expect(sev(j, "deep-history")).toBe("medium");
    expect(j.verdict).toBe("doubtful");
    expect(j.findings.find((f) => f.rule === "deep-history")?.message).toContain("6 releases back to v5.12");
  });
  it("is silent when only a few releases crashed", () => {
    expect(sev(judge(variant({ releases: Array(5).fill(`crashed: ${FOO}`) })), "deep-history")).toBeUndefined();
    expect(sev(judge(variant({})), "deep-history")).toBeUndefined();
  });
});

describe("repro chance counts crashing releases", () => {
  it("takes p from a release that crashed 2 of 10 runs", () => {
    const two = ["OK", "OK", "OK", "OK", "OK", "OK", "OK", "OK", `crashed: ${FOO}`, `crashed: ${FOO}`];
    const j = judge(variant({ releases: [two] }));
    // p = 0.2; two good bisect steps of 10 inferred runs
    expect(j.confidence).toBeCloseTo(Math.pow(1 - Math.pow(0.8, 10), 2), 6);
    expect(sev(j, "flaky-good")).toBe("low"); // (0.8)^10 = 0.11
    expect(sev(judge(variant({})), "flaky-good")).toBeUndefined();
  });
});

describe("infra-share and mixed-signatures", () => {
  it("counts lost runs and mixed crashes", () => {
    const runs = [`crashed: ${FOO}`, `crashed: ${OTHER}`, "basic kernel testing failed: timed out", "OK", `crashed: ${FOO}`];
    const j = judge(variant({ steps: [{ verdict: "bad", runs }, ...CLEAN.steps.slice(1)] }));
    expect(sev(j, "infra-share")).toBeDefined();
    expect(sev(j, "mixed-signatures")).toBe("low");
  });
  it("is silent on a log without lost runs", () => {
    const j = judge(variant({}));
    expect(sev(j, "infra-share")).toBeUndefined();
    expect(sev(j, "mixed-signatures")).toBeUndefined();
  });
});

describe("head-cut", () => {
  it("says title drift cannot be checked when the log's head was cut off, and is silent otherwise", async () => {
    const { readFileSync } = await import("node:fs");
    const { parseBisectionLog } = await import("@/lib/parser");
    const { judgeBisection } = await import("./index");
    const cut = parseBisectionLog(readFileSync("lib/parser/testdata/synthetic/cause-head-cut-2021.txt", "utf8"));
    if (!cut.ok) throw new Error(cut.reason);
    const f = judgeBisection(cut.log).findings.find((x) => x.rule === "head-cut");
    expect(f).toMatchObject({ severity: "low", message: expect.stringContaining("title drift cannot be checked") });
    const whole = parseBisectionLog(readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8"));
    if (!whole.ok) throw new Error(whole.reason);
    expect(judgeBisection(whole.log).findings.map((x) => x.rule)).not.toContain("head-cut");
  });
});

describe("debugWording (detector-commit's reading of subjects and messages)", () => {
  it("names debug facilities and the kernel's check macros", async () => {
    const { debugWording } = await import("./rules/detector");
    expect(debugWording("lockdep: report broken irq restoration")).toBe("lockdep");
    expect(debugWording("This patch adds debug code to WARN() when raw_local_irq_restore() is")).toBe("adds … WARN");
    expect(debugWording("mm: add VM_BUG_ON_PAGE() to catch bad pages")).toBe("add … VM_BUG_ON_PAGE");
    expect(debugWording("select CONFIG_DEBUG_IRQFLAGS")).toBe("CONFIG_DEBUG_IRQFLAGS");
  });
  it("does not take ordinary English for a debug check", async () => {
    const { debugWording } = await import("./rules/detector");
    // a line of Log_14da4445d00000's culprit message (L259): a watchdog change, not a debugging check
    expect(debugWording("regulator: pca9450: Enable system reset on WDOG_B assertion")).toBeNull();
    expect(debugWording("net: add a warning to the changelog")).toBeNull();
    expect(debugWording("add WARN. Later: nothing")).toBe("add … WARN");
    expect(debugWording("add a lot of unrelated words here before we finally get to WARN_ON")).toBeNull();
  });
});

describe("debug facility files", () => {
  it("knows one file of each facility, and ordinary files are not", async () => {
    const { isDebugFile } = await import("./rules/detector");
    const debug = ["lib/Kconfig.debug", "mm/Kconfig.kasan", "mm/kasan/report.c", "mm/kfence/core.c", "kernel/kcsan/core.c", "lib/ubsan.c", "lib/debugobjects.c", "lib/list_debug.c", "lib/ref_tracker.c", "lib/refcount.c", "kernel/locking/lockdep.c", "kernel/locking/lockdep_proc.c", "kernel/locking/spinlock_debug.c", "kernel/locking/mutex-debug.c", "kernel/locking/irqflag-debug.c", "kernel/locking/rtmutex-debug.c", "include/linux/kasan.h", "include/linux/lockdep_types.h", "include/linux/ref_tracker.h"];
    for (const p of debug) expect(isDebugFile(p), p).toBe(true);
    for (const p of ["kernel/locking/mutex.c", "mm/filemap.c", "lib/string.c", "include/linux/fs.h", "drivers/Kconfig", "dir/file1.c", "net/core/dev.c"]) expect(isDebugFile(p), p).toBe(false);
  });
});
