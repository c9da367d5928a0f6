// Input handling of parseBisectionLog: line ends, whitespace, NUL bytes, huge lines and logs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "./index";

const fixture = readFileSync(path.join(__dirname, "testdata/cause-kvm_wait-title-drift.txt"), "utf8");

function ok(text: string) {
  const r = parseBisectionLog(text);
  if (!r.ok) throw new Error(r.reason);
  return r.log;
}

describe("input handling", () => {
  const plain = ok(fixture);

  it("the fixture: 292 lines, every line placed", () => {
    expect(plain.lineCount).toBe(292);
    expect(plain.warnings).toEqual([]);
  });

  it("CRLF and lone CR at line ends give the same parse", () => {
    expect(ok(fixture.replace(/\n/g, "\r\n"))).toEqual(plain);
  });

  it("trailing whitespace and no final newline", () => {
    const log = ok(fixture.replace(/\n/g, "  \n").trimEnd());
    expect(log.steps.map((s) => s.commit)).toEqual(plain.steps.map((s) => s.commit));
    expect(log.commit!.files.map((f) => f.path)).toEqual(plain.commit!.files.map((f) => f.path));
    expect(log.commit!.subject).toBe(plain.commit!.subject);
    expect(log.crash!.frames.length).toBe(plain.crash!.frames.length);
    expect(log.warnings).toEqual([]);
  });

  it("NUL bytes and an enormous line are warnings, not failures", () => {
    const lines = fixture.split("\n");
    lines.splice(30, 0, "\u0000\u0000garbage\u0000", `x${"a".repeat(200_000)}`);
    const log = ok(lines.join("\n"));
    expect(log.warnings.map((w) => w.line)).toEqual([31, 32]);
    expect(log.outcome).toBe("found");
  });

  // how fast: `npm run bench -- parse` and `-- adversarial` (BENCHMARKS.md), not a timed test
  it("a 10 MB log with 200,000 runs in one step parses whole", () => {
    const lines = fixture.split("\n");
    const runs = Array.from({ length: 200_000 }, (_, i) => `run #${i}: crashed: WARNING in kvm_wait ${"x".repeat(20)}`);
    const big = [...lines.slice(0, 24), ...runs, ...lines.slice(24)].join("\n");
    expect(big.length).toBeGreaterThan(10_000_000);
    const log = ok(big);
    expect(log.steps[0].runs.length).toBe(200_020);
    expect(log.warnings).toEqual([]);
    expect(log.outcome).toBe("found");
  });
});
