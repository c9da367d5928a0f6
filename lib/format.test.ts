import { describe, expect, it } from "vitest";
import { fixesTag, formatSeconds, outcomeWords, runsSummary, sourceUrl, stepVerdictWords, verdictCrashed } from "./format";

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

describe("verdict words", () => {
  it("inverts git's words for fix bisections", () => {
    expect(verdictCrashed("cause", "bad")).toBe(true);
    expect(verdictCrashed("fix", "good")).toBe(true);
    expect(verdictCrashed("fix", "bad")).toBe(false);
    expect(verdictCrashed("cause", "skip")).toBeNull();
    expect(stepVerdictWords("fix", "bad")).toBe("did not crash");
    expect(stepVerdictWords("cause", "good")).toBe("OK");
    expect(stepVerdictWords("cause", "skip")).toBe("skipped");
    expect(stepVerdictWords("cause", null)).toBe("–");
  });
  it("says outcomes as syzbot's dashboard does", () => {
    expect(outcomeWords("cause", "found")).toBe("introduced by");
    expect(outcomeWords("fix", "found")).toBe("fixed by");
    expect(outcomeWords("cause", "horizon")).toBe("happens on the oldest tested release");
    expect(outcomeWords("cause", "inconclusive")).toBe("could be any of");
  });
  it("summarises runs as k:n, or the `all runs` outcome", () => {
    expect(runsSummary([{ outcome: "crashed" }, { outcome: "ok" }, { outcome: "crashed" }], null)).toBe("2:3 crashed");
    expect(runsSummary([], "ok")).toBe("all OK (runs not counted)");
    // a step whose 10 runs had two boot failures of the chased crash says so
    expect(runsSummary([...Array(8).fill({ outcome: "ok" }), { outcome: "boot-failed" }, { outcome: "boot-failed" }], null)).toBe("0:10 crashed, 2 boot failed");
    expect(runsSummary([{ outcome: "crashed" }, { outcome: "infra" }, { outcome: "test-failed" }], null)).toBe("1:3 crashed, 1 test failed, 1 infra error");
    expect(runsSummary([], null)).toBe("no runs");
  });
  it("formats durations compactly", () => {
    expect(formatSeconds(3 * 3600 + 52 * 60 + 11.9)).toBe("3h52m");
    expect(formatSeconds(125)).toBe("2m05s");
    expect(formatSeconds(null)).toBe("–");
  });
});
