// The judge never throws on any parse of damaged text, reads the text it is given without
// stepping outside it, and keeps its numbers in range: chanceWrong in 0..1, evidence, guilty and
// trusted-range lines inside the log, candidates at least 1.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { judgeBisection } from "./index";

const fixture = readFileSync(path.join(__dirname, "../parser/testdata/cause-kvm_wait-title-drift.txt"), "utf8");
const lines = fixture.split("\n");

const damaged = fc
  .array(fc.tuple(fc.nat(lines.length - 1), fc.constantFrom("drop", "dup", "junk", "crash"), fc.string({ maxLength: 60 })), { maxLength: 10 })
  .map((edits) => {
    const out = [...lines];
    for (const [at, op, s] of edits) {
      const i = Math.min(at, out.length - 1);
      if (op === "drop") out.splice(i, 1);
      else if (op === "dup") out.splice(i, 0, out[i]);
      else if (op === "junk") out[i] = s;
      else out.splice(i, 0, `run #0: crashed: ${s}`);
    }
    return out.join("\n");
  });

describe("judge on damaged logs", () => {
  it("never throws and keeps its numbers in range", () => {
    fc.assert(
      fc.property(damaged, (text) => {
        const r = parseBisectionLog(text);
        if (!r.ok) return;
        const j = judgeBisection(r.log, text);
        const count = text.split("\n").length;
        const inside = (n: number) => Number.isInteger(n) && n >= 1 && n <= count;
        if (j.chanceWrong !== null) expect(j.chanceWrong >= 0 && j.chanceWrong <= 1).toBe(true);
        for (const f of j.findings) for (const n of f.lines) expect(inside(n)).toBe(true);
        if (j.guilty) expect(inside(j.guilty.line)).toBe(true);
        if (j.trust) {
          for (const s of j.trust.steps) expect(inside(s.line)).toBe(true);
          if (j.trust.candidates !== null) expect(j.trust.candidates).toBeGreaterThanOrEqual(1);
          expect(j.trust.script.startsWith("git bisect start '")).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
