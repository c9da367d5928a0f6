import { describe, expect, it } from "vitest";
import { chanceWords, fixesTag, formatDate, formatDay, formatSeconds, percent, runsSummary, sourceUrl } from "./format";

describe("kernel conventions", () => {
  it("writes the Fixes: tag with a 12-hex hash and the subject in quotes", () => {
    expect(fixesTag("997acaf6b4b59c6a9c259740312a69ea549cc684", "lockdep: report broken irq restoration")).toBe(
      'Fixes: 997acaf6b4b5 ("lockdep: report broken irq restoration")',
    );
  });
  it("closes a bug on syzbot with the fix's subject, not a Fixes: tag", async () => {
    const { syzFixCommand } = await import("./format");
    expect(syzFixCommand("nfc: llcp: hold a reference")).toBe("#syz fix: nfc: llcp: hold a reference");
  });
  it("links a source line at a commit the way git.kernel.org's cgit does", () => {
    expect(sourceUrl("./kernel/locking/irqflag-debug.c", "997acaf6b4b59c6a9c259740312a69ea549cc684", 9)).toBe(
      "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/kernel/locking/irqflag-debug.c?id=997acaf6b4b59c6a9c259740312a69ea549cc684#n9",
    );
    expect(sourceUrl("mm/slab.c", "abc", -1)).not.toContain("#n");
  });
});

describe("runs, times and dates in words", () => {
  it('summarises runs as "k of n", or the `all runs` outcome', () => {
    expect(runsSummary([{ outcome: "crashed" }, { outcome: "ok" }, { outcome: "crashed" }], null)).toBe("2 of 3 crashed");
    expect(runsSummary([], "ok")).toBe("all OK (runs not counted)");
    expect(runsSummary([], "boot-failed")).toBe("all boot failed (runs not counted)");
    // a step whose 10 runs had two boot failures of the chased crash says so
    expect(runsSummary([...Array(8).fill({ outcome: "ok" }), { outcome: "boot-failed" }, { outcome: "boot-failed" }], null)).toBe("0 of 10 crashed, 2 boot failed");
    expect(runsSummary([{ outcome: "crashed" }, { outcome: "infra" }, { outcome: "test-failed" }], null)).toBe("1 of 3 crashed, 1 basic testing failed, 1 infra problem");
    expect(runsSummary([], null)).toBe("no runs");
  });
  it("formats durations compactly", () => {
    expect(formatSeconds(3 * 3600 + 52 * 60 + 11.9)).toBe("3h52m");
    expect(formatSeconds(125)).toBe("2m05s");
    // rounded once, never to 60 of a unit (a2a0e7f76565's 14m59.57s read 14m60s; 8h11m58s 8h11m)
    expect(formatSeconds(14 * 60 + 59.57)).toBe("15m00s");
    expect(formatSeconds(8 * 3600 + 11 * 60 + 58)).toBe("8h12m");
    expect(formatSeconds(2 * 3600 + 10 * 60 + 51)).toBe("2h11m");
    expect(formatSeconds(59.6)).toBe("1m00s");
    expect(formatSeconds(59.4)).toBe("59s");
    expect(formatSeconds(3599.4)).toBe("1h00m");
    expect(formatSeconds(3569)).toBe("59m29s");
    expect(formatSeconds(9.96)).toBe("10s");
    expect(formatSeconds(9.94)).toBe("9.9s");
    expect(formatSeconds(null)).toBe("–");
  });
  it("dates uploads to the minute and commits to the day, in UTC", () => {
    expect(formatDate("2026-11-25T05:05:59.123Z")).toBe("2026-11-25 05:05");
    expect(formatDate(new Date("2021-01-11T15:37:07Z"))).toBe("2021-01-11 15:37");
    expect(formatDay(new Date("2021-01-11T23:37:07Z"))).toBe("2021-01-11");
    expect(formatDay("not a date")).toBeNull();
    expect(formatDay(null)).toBeNull();
  });
});

describe("chanceWords", () => {
  it("rounds a chance but never to certainty", () => {
    expect(chanceWords(0.94)).toEqual({ pct: "94%", in100: "about 94" });
    expect(chanceWords(0.9951)).toEqual({ pct: ">99%", in100: "more than 99" });
    expect(chanceWords(0.994)).toEqual({ pct: "99%", in100: "about 99" });
    expect(chanceWords(0.003)).toEqual({ pct: "<1%", in100: "fewer than 1" });
    expect(chanceWords(0.005)).toEqual({ pct: "1%", in100: "about 1" });
  });
});

describe("percent", () => {
  it("prints a measured chance with one decimal, never a tiny one as 0.0%", () => {
    expect(percent(0.576)).toBe("57.6%");
    expect(percent(0.66)).toBe("66.0%");
    expect(percent(0.0002)).toBe("<0.1%");
    expect(percent(0)).toBe("0.0%");
  });
});
