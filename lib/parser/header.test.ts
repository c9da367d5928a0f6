// Header lines (§2.1).
import { describe, expect, it } from "vitest";

describe("a header whose start commit is not a hash", () => {
  it("is refused with the line and the value", async () => {
    const { parseBisectionLog } = await import("./index");
    const r = parseBisectionLog("bisecting cause commit starting from zzz\nbuilding syzkaller on 6a81331a1d4c744da9204d02ec88d558f7eea9c9\n");
    expect(r).toEqual({ ok: false, line: 1, reason: 'line 1: the start commit "zzz" is not a commit hash (7 to 40 hex digits)' });
  });
});
