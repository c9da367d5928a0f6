// Header lines (§2.1).
import { describe, expect, it } from "vitest";

describe("a header whose start commit is not a hash", () => {
  it("is refused with the line and the value", async () => {
    const { parseBisectionLog } = await import("./index");
    const r = parseBisectionLog("bisecting cause commit starting from zzz\nbuilding syzkaller on 6a81331a1d4c744da9204d02ec88d558f7eea9c9\n");
    expect(r).toEqual({ ok: false, line: 1, reason: 'line 1: the start commit "zzz" is not a commit hash (7 to 40 hex digits)' });
  });
});

describe("the `starts bisection` time", () => {
  it("reads Go's time.Time.String() as UTC, rounded to milliseconds", async () => {
    const { goTimeToIso } = await import("./header");
    expect(goTimeToIso("2023-03-22 19:11:43.062318042 +0000 UTC m=+9612.407403140")).toBe("2023-03-22T19:11:43.062Z");
    expect(goTimeToIso("2023-02-15 05:16:28.9080696 +0000 UTC m=+17098.284221855")).toBe("2023-02-15T05:16:28.908Z");
    expect(goTimeToIso("2023-02-15 05:16:28.9996 +0000 UTC")).toBe("2023-02-15T05:16:29.000Z");
    expect(goTimeToIso("2022-09-24 10:00:00 +0200 CEST")).toBe("2022-09-24T08:00:00.000Z");
    expect(goTimeToIso("2022-09-24 10:00:00.5 -0130 X")).toBe("2022-09-24T11:30:00.500Z");
  });
  it("is null for what is not such a time", async () => {
    const { goTimeToIso } = await import("./header");
    expect(goTimeToIso("2023-13-22 19:11:43 +0000 UTC")).toBeNull();
    expect(goTimeToIso("2023-03-22 19:11 +0000 UTC")).toBeNull();
    expect(goTimeToIso("yesterday")).toBeNull();
  });
  it("is kept beside the host", async () => {
    const { parseBisectionLog } = await import("./index");
    const r = parseBisectionLog(
      "ci2 starts bisection 2023-02-26 11:46:17.044173253 +0000 UTC m=+61924.038322504\nbisecting cause commit starting from 489fa31ea873282b41046d412ec741f93946fc2d\nbuilding syzkaller on 6a81331a1d4c744da9204d02ec88d558f7eea9c9\n",
    );
    expect(r.ok && [r.log.host, r.log.startedAt]).toEqual(["ci2", "2023-02-26T11:46:17.044Z"]);
  });
});
