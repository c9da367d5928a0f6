// Golden files: every NAME.txt under testdata/ (recursively) with a NAME.expect.json beside it
// must parse as expected (testdata-compare.ts, the semantics of shared/tools/check-parse.mjs);
// with a NAME.reject.json (`{ "reason": "~text" }`) it must be rejected.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "./index";
import { compareExpectation } from "./testdata-compare";
import { logsUnder } from "@/lib/testing/logs-under";

const ROOT = path.join(__dirname, "testdata");


const cases = logsUnder(ROOT)
  .map((txt) => ({ txt, base: txt.slice(0, -4), name: path.relative(ROOT, txt) }))
  .filter((c) => existsSync(`${c.base}.expect.json`) || existsSync(`${c.base}.reject.json`));

describe("golden logs (lib/parser/testdata)", () => {
  it("has golden files", () => expect(cases.length).toBeGreaterThan(0));

  it.each(cases)("$name", ({ txt, base }) => {
    const result = parseBisectionLog(readFileSync(txt, "utf8"));
    if (existsSync(`${base}.expect.json`)) {
      const want = JSON.parse(readFileSync(`${base}.expect.json`, "utf8"));
      if (!result.ok) throw new Error(`rejected: ${result.reason}`);
      const mismatches = compareExpectation(want, JSON.parse(JSON.stringify(result.log)));
      expect(mismatches).toEqual([]);
    } else {
      const want = JSON.parse(readFileSync(`${base}.reject.json`, "utf8"));
      expect(result.ok).toBe(false);
      const mismatches = compareExpectation(want, result);
      expect(mismatches).toEqual([]);
    }
  });
});
