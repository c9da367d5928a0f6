// A fault inside the parser is answered, with the line it was reading, never thrown: the crash
// report reader is made to throw (the one stand-in in the parser's tests), and
// parseBisectionLog turns that into the `internal parser error` answer that property.test.ts
// checks every generated input against.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("./crash", async (actual) => ({
  ...(await actual<typeof import("./crash")>()),
  parseCrash: () => {
    throw new Error("injected fault");
  },
}));

const { parseBisectionLog } = await import("./index");

describe("the parser's internal-error path", () => {
  it("answers with the line being read when a section reader throws", () => {
    const text = readFileSync(path.join(__dirname, "testdata/cause-kvm_wait-title-drift.txt"), "utf8");
    const crashLine = text.split("\n").findIndex((l) => l.startsWith("crash: ")) + 1;
    expect(crashLine).toBeGreaterThan(1);
    expect(parseBisectionLog(text)).toEqual({ ok: false, reason: `internal parser error at line ${crashLine}`, line: crashLine });
  });
});
