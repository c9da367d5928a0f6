// parseBisectionLog never fails inside, on any string and on random damage to a real log, and
// every line number it reports is inside the text. It never throws either: it catches whatever
// goes wrong and answers `internal parser error at line N`, so that answer is what the
// properties look for (and the last test proves they see it).
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "./index";
import type { ParseResult } from "./types";

const fixture = readFileSync(path.join(__dirname, "testdata/cause-kvm_wait-title-drift.txt"), "utf8");
const fixtureLines = fixture.split("\n");

/** The parser's answer when it caught an exception of its own (lib/parser/index.ts). */
const INTERNAL = /internal parser error/;

function linesInRange(r: ParseResult, text: string): void {
  const count = text.split("\n").length;
  if (!r.ok) {
    expect(r.reason).not.toMatch(INTERNAL);
    if (r.line !== null) expect(r.line).toBeGreaterThanOrEqual(1);
    if (r.line !== null) expect(r.line).toBeLessThanOrEqual(count);
    return;
  }
  const log = r.log;
  const nums: number[] = [
    ...log.warnings.map((w) => w.line),
    ...log.steps.flatMap((s) => [s.line, s.endLine, ...(s.verdictLine ? [s.verdictLine] : []), ...s.runs.flatMap((x) => [x.line, x.endLine])]),
    ...(log.commit ? [log.commit.line, log.commit.endLine] : []),
    ...(log.crash ? [log.crash.line, log.crash.endLine, ...log.crash.frames.map((f) => f.logLine)] : []),
    ...(log.resultLine ? [log.resultLine] : []),
  ];
  for (const n of nums) {
    expect(Number.isInteger(n)).toBe(true);
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(count);
  }
}

/** A random edit of the fixture: drop, duplicate, truncate or replace lines, cut the text. */
const mutated = fc
  .tuple(
    fc.array(fc.tuple(fc.nat(fixtureLines.length), fc.constantFrom("drop", "dup", "cut", "junk", "swap"), fc.string({ maxLength: 40 })), { maxLength: 12 }),
    fc.nat(fixture.length),
    fc.nat(fixture.length),
  )
  .map(([edits, from, to]) => {
    const lines = [...fixtureLines];
    for (const [at, op, junk] of edits) {
      const i = at % lines.length;
      if (op === "drop") lines.splice(i, 1);
      else if (op === "dup") lines.splice(i, 0, lines[i]);
      else if (op === "cut") lines[i] = lines[i].slice(0, junk.length);
      else if (op === "junk") lines[i] = junk;
      else lines.splice(i, 0, lines[(i * 7) % lines.length]);
    }
    const text = lines.join("\n");
    return text.slice(Math.min(from, to) % (text.length + 1), Math.max(from, to) + 1);
  });

describe("parseBisectionLog never throws", () => {
  it("on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400 }), fc.string({ unit: "grapheme", maxLength: 200 }), fc.array(fc.constantFrom(...fixtureLines.slice(0, 60), "", "\r", "\u0000", "crash: ", "error: "), { maxLength: 80 }).map((a) => a.join("\n"))), (text) => {
        linesInRange(parseBisectionLog(text), text);
      }),
      { numRuns: 400 },
    );
  });

  it("on random mutations and truncations of a real log", () => {
    fc.assert(
      fc.property(mutated, (text) => {
        linesInRange(parseBisectionLog(text), text);
      }),
      { numRuns: 300 },
    );
  });

  it("on non-string input smuggled past the types: refused as no log, not failed inside", () => {
    for (const v of [undefined, null, 42, {}]) {
      const r = parseBisectionLog(v as unknown as string);
      expect(r.ok).toBe(false);
      linesInRange(r, String(v));
    }
  });

  it("sees the parser fail inside: an input that throws while read is caught, answered, and fails the check", () => {
    const hostile = { toString: () => { throw new Error("boom"); } };
    const r = parseBisectionLog(hostile as unknown as string);
    expect(r).toEqual({ ok: false, reason: "internal parser error at line 0", line: null });
    expect(() => linesInRange(r, "")).toThrow(/internal parser error/);
  });
});
