// The guilty file of every golden log with a crash report, against hand-checked expectations
// (lib/analysis/testdata/guilty.expect.json), read from the log text as ingest reads it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { findGuiltyFrame } from "./guilty";

const DIR = path.resolve(process.cwd(), "lib/parser/testdata");
const expected = JSON.parse(readFileSync(path.resolve(process.cwd(), "lib/analysis/testdata/guilty.expect.json"), "utf8")).cases as Record<string, { file: string; line: number; rule: string }>;

const withCrash = [
  ...readdirSync(DIR).filter((f) => f.endsWith(".txt")),
  ...readdirSync(path.join(DIR, "corpus")).filter((f) => f.endsWith(".txt")).map((f) => `corpus/${f}`),
].filter((f) => {
  const r = parseBisectionLog(readFileSync(path.join(DIR, f), "utf8"));
  return r.ok && r.log.crash !== null;
});

describe("guilty file of the golden logs", () => {
  it("has an expectation for every golden with a crash report", () => {
    expect(withCrash.sort()).toEqual(Object.keys(expected).sort());
  });
  for (const f of withCrash) {
    it(f, () => {
      const text = readFileSync(path.join(DIR, f), "utf8");
      const r = parseBisectionLog(text);
      if (!r.ok) throw new Error(r.reason);
      const g = findGuiltyFrame(r.log.crash, text.split("\n"));
      expect({ file: g?.file, line: g?.line, rule: g?.rule }).toEqual({ file: expected[f].file, line: expected[f].line, rule: expected[f].rule });
    });
  }
});
