import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import type { BisectionLog } from "@/lib/parser/types";
import { judgeBisection, type Finding, type Judgement, type RuleId } from "./index";
import { CLEAN, buildLog } from "./test-logs";

function parse(text: string): BisectionLog {
  const r = parseBisectionLog(text);
  if (!r.ok) throw new Error(`parser rejected the test log: ${r.reason}`);
  return r.log;
}

const judge = (text: string): Judgement => judgeBisection(parse(text));
const find = (j: Judgement, rule: RuleId): Finding | undefined => j.findings.find((f) => f.rule === rule);
const serious = (j: Judgement) => j.findings.filter((f) => f.severity !== "info" && f.severity !== "low");

describe("the seed log (cause-kvm_wait-title-drift)", () => {
  const text = readFileSync(path.join(__dirname, "../parser/testdata/cause-kvm_wait-title-drift.txt"), "utf8");
  const j = judge(text);

  it("is likely wrong because it chased a different crash", () => {
    expect(j.verdict).toBe("likely-wrong");
    expect(j.headline).toBe("chased a different crash");
    expect(j.decisive).toContain("title-drift");
  });

  it("finds title drift, crash in boot, the detector commit and a flaky bad step", () => {
    expect(find(j, "title-drift")?.severity).toBe("high");
    expect(find(j, "title-drift")?.lines).toContain(5); // run #0: WARNING: refcount bug in sk_psock_get
    expect(find(j, "crash-in-boot")?.severity).toBe("high");
    expect(find(j, "crash-in-boot")?.lines).toContain(44); // run #9: boot failed: WARNING in kvm_wait
    expect(find(j, "detector-commit")?.severity).toBe("high");
    expect(find(j, "detector-commit")?.message).toContain("kernel/locking/irqflag-debug.c");
    expect(find(j, "flaky-bad")).toBeDefined();
  });

  it("routes the crash to arch/x86/kernel/kvm.c, past kernel/locking/", () => {
    expect(j.guilty?.file).toBe("arch/x86/kernel/kvm.c");
    const log = parse(text);
    expect(log.crash?.frames[j.guilty!.frameIndex!].function).toBe("kvm_wait");
  });

  it("is not a no-op, merge or release culprit", () => {
    for (const r of ["noop-culprit", "merge-culprit", "release-culprit", "scope-only"] as RuleId[]) expect(find(j, r)).toBeUndefined();
  });

  it("recomputes syzkaller's confidence: p = 0.5 from the worst bad step, 5 good bisect steps", () => {
    expect(j.confidence).toBeCloseTo(Math.pow(1 - Math.pow(0.5, 10), 5), 6);
  });

  it("gives every finding sorted, real log lines", () => {
    const lineCount = text.split("\n").length;
    for (const f of j.findings) {
      expect(f.lines.length).toBeGreaterThan(0);
      expect([...f.lines].sort((a, b) => a - b)).toEqual(f.lines);
      for (const l of f.lines) expect(l).toBeGreaterThan(0), expect(l).toBeLessThanOrEqual(lineCount);
    }
  });
});

describe("a clean log", () => {
  const j = judge(buildLog(CLEAN));
  it("has nothing above info and is clean", () => {
    expect(serious(j)).toEqual([]);
    expect(j.verdict).toBe("clean");
    expect(j.decisive).toEqual([]);
  });
  it("names the guilty file and says the culprit touches it", () => {
    expect(j.guilty?.file).toBe("drivers/foo/bar.c");
    expect(find(j, "stack-overlap")?.severity).toBe("info");
    expect(j.confidence).toBeCloseTo(1, 6);
  });
});

describe("n/a results", () => {
  it("gives n/a to a log that stops before a result", () => {
    const text = buildLog({ ...CLEAN, culprit: undefined, crash: undefined });
    expect(judge(text).verdict).toBe("n/a");
  });
});
