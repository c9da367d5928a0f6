// Texts that are not bisection logs are rejected with what they looked like; real logs whose
// head syzbot cut off (oversized uploads lose their first 10%) are accepted.
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "./index";

const A = "9c54130cd25528028b2d38f6ada0c79e92210390";

function reason(text: string): string {
  const r = parseBisectionLog(text);
  if (r.ok) throw new Error("accepted");
  expect(r.reason).toContain('a syzbot bisection log starts with "bisecting cause commit starting from <sha>"');
  return r.reason;
}

describe("rejection", () => {
  it("an empty upload, or only blank lines", () => {
    expect(reason("")).toMatch(/^the text is empty/);
    expect(reason("\n\n  \r\n")).toMatch(/blank lines/);
    expect(parseBisectionLog("")).toMatchObject({ ok: false, line: null });
  });

  it("a syzbot error.txt on its own", () => {
    expect(reason("bisection is taking too long (>8h0m0s), aborting\n")).toMatch(/^this looks like a syzbot error text \(error\.txt\) \(line 1: "bisection is taking too long/);
    expect(reason("syzkaller build failed: failed to run [\"make\"]: exit status 2\ngo env\n")).toMatch(/error text/);
    expect(reason("drivers/block/aoe/aoeblk.c:410:21: error: 'struct backing_dev_info' has no member named 'name'\n")).toMatch(/compiler error/);
  });

  it("a bare crash report (report.txt)", () => {
    const r = reason("BUG: KASAN: use-after-free in __lock_acquire+0x3e6f/0x5e90 kernel/locking/lockdep.c:4296\nRead of size 8\nCall Trace:\n dump_stack+0x1/0x2\n");
    expect(r).toMatch(/^this looks like a bare kernel crash report \(line 1: "BUG: KASAN: use-after-free/);
    expect(reason("\n------------[ cut here ]------------\nWARNING: CPU: 0 PID: 1 at x.c:1 f+0x1/0x2\n")).toMatch(/bare kernel crash report \(line 2/);
    expect(reason("[  728.071420][    C1] BUG: soft lockup\n")).toMatch(/crash report/);
  });

  it("`git log` output and random text", () => {
    expect(reason(`commit ${A}\nAuthor: A <a@b.c>\nDate:   Mon Jan 11 15:37:07 2021 +0000\n\n    x\n`)).toMatch(/`git log` output/);
    expect(reason("hello world\nthis is a shopping list\n")).toMatch(/^this does not look like a syzbot bisection log \(line 1: "hello world"\)/);
  });

  it("accepts a log whose head was cut off mid-line (type and start commit inferred)", () => {
    const r = parseBisectionLog(
      [
        "ons left to test after this (roughly 3 steps)",
        `[${A}] net: fix`,
        `testing commit ${A} with gcc (GCC) 8.1.0`,
        "run #0: OK",
        `# git bisect good ${A}`,
        `first good commit: ${A} net: fix`,
      ].join("\n"),
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.log).toMatchObject({ headTruncated: true, type: "fix", startCommit: A, outcome: "found", warnings: [] });
  });
});
