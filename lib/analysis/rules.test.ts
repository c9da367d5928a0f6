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
  it("treats kind variants of one function as one bug", () => {
    const t = "KASAN: slab-out-of-bounds Write in foo_bar";
    const j = judge(variant({ steps: CLEAN.steps.map((s) => (s.verdict === "bad" ? { ...s, runs: `crashed: ${t}` } : s)), crash: { title: t, report: kasanReport("foo_bar", "drivers/foo/bar.c") } }));
    expect(sev(j, "title-drift")).toBeUndefined();
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
  it("stays silent when every bad step crashed every run", () => {
    const j = judge(variant({}));
    expect(sev(j, "flaky-bad")).toBeUndefined();
    expect(sev(j, "flaky-good")).toBeUndefined();
  });
});

describe("culprit kinds", () => {
  it("no-op", () => expect(sev(judge(variant({}, { noop: true })), "noop-culprit")).toBe("high"));
  it("merge", () => expect(sev(judge(variant({}, { merge: true, subject: "Merge tag 'foo-5.12' of git://git.kernel.org/foo" })), "merge-culprit")).toBe("high"));
  it("release", () => expect(sev(judge(variant({}, { subject: "Linux 5.12", files: ["Makefile"] })), "release-culprit")).toBe("high"));
  it("documentation only", () => expect(sev(judge(variant({}, { files: ["Documentation/foo.rst"] })), "scope-only")).toBe("high"));
  it("another architecture", () => expect(sev(judge(variant({}, { files: ["arch/arm64/kernel/foo.c"] })), "scope-only")).toBe("high"));
  it("none of them on a normal culprit", () => {
    const j = judge(variant({}));
    for (const r of ["noop-culprit", "merge-culprit", "release-culprit", "scope-only"] as RuleId[]) expect(sev(j, r)).toBeUndefined();
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
