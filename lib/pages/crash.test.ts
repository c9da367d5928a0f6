// The report's prose beside its oops headline on /b/<id> (headlineContext): expectations read
// off each log by hand, the report cut from the log the way the page reads it (from the
// `crash:` line).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBisection } from "@/lib/data/bisection";
import { ingestLog } from "@/lib/ingest";
import { parseBisectionLog } from "@/lib/parser";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { CORPUS } from "@/lib/testing/fake-syzbot";
import { crashView, headlineContext, PAGE_FRAMES } from "./crash";

function reportOf(text: string): { raw: string; header: string | null } {
  const r = parseBisectionLog(text);
  if (!r.ok || !r.log.crash) throw new Error("no crash report");
  const c = r.log.crash;
  return { raw: text.split("\n").slice(c.line - 1, c.endLine).join("\n"), header: c.header };
}
const corpus = (x: string) => reportOf(readFileSync(`${CORPUS}/Log_${x}.txt`, "utf8"));

describe("headlineContext", () => {
  it("the seed: the WARN() message between `[ cut here ]` (L241) and `WARNING: CPU:` (L243), and nothing below (L244 repeats the headline, L245 is Modules linked in)", () => {
    const { raw, header } = reportOf(readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8"));
    expect(header).toMatch(/^WARNING: CPU: 0 PID: 8762 at kernel\/locking\/irqflag-debug.c:9 /);
    expect(headlineContext(raw, header)).toEqual({ before: ["raw_local_irq_restore() called with IRQs enabled"], after: [] });
  });

  it("KASAN: the access below the headline, not the banner above it", () => {
    const { raw, header } = corpus("1025755c080000");
    expect(header).toBe("BUG: KASAN: use-after-free in __wake_up_common+0x637/0x650 kernel/sched/wait.c:100");
    expect(headlineContext(raw, header)).toEqual({ before: [], after: ["Read of size 8 at addr ffff8880708d10b0 by task syz-executor.0/4202"] });
  });

  it("KASAN's headline once for each inline frame: the access after the last of them, not the repeats (helper h25's review)", () => {
    // L-after-crash: the banner, four `BUG: KASAN: null-ptr-deref in ...` (three [inline]), then `Write of size 4 ...`
    const { raw, header } = corpus("12b0199b700000");
    expect(header).toBe("BUG: KASAN: null-ptr-deref in instrument_atomic_read_write include/linux/instrumented.h:101 [inline]");
    expect(headlineContext(raw, header)).toEqual({ before: [], after: ["Write of size 4 at addr 0000000000000118 by task iou-wrk-4054/4055"] });
  });

  it("another CPU's network set-up line inside a report is no part of it", () => {
    // `INFO: task ... blocked`, then `IPv6: ADDRCONF(NETDEV_CHANGE): macvlan0: link becomes ready`, then the indented `Not tainted`
    const { raw, header } = corpus("1352c611e00000");
    expect(header).toBe("INFO: task syz-executor.4:6672 blocked for more than 140 seconds.");
    expect(headlineContext(raw, header)).toEqual({ before: [], after: [] });
  });

  it("a general protection fault: KASAN's range, then CPU: ends it", () => {
    const { raw, header } = corpus("1040b80df00000");
    expect(headlineContext(raw, header).after).toEqual(["KASAN: null-ptr-deref in range [0x0000000000000108-0x000000000000010f]"]);
  });

  it("sleeping in atomic context: the context line, then `4 locks held` ends it", () => {
    const { raw, header } = corpus("100c9c16500000");
    expect(headlineContext(raw, header)).toEqual({ before: [], after: ["in_atomic(): 0, irqs_disabled(): 0, non_block: 0, pid: 841, name: kworker/u4:5"] });
  });

  it("a hung task: the console lines above it are no message of it (no `[ cut here ]`), and the indented `Not tainted` ends it", () => {
    const { raw, header } = corpus("1377ec7d200000");
    expect(header).toBe("INFO: task syz-executor3:7105 blocked for more than 140 seconds.");
    expect(headlineContext(raw, header)).toEqual({ before: [], after: [] });
  });

  it("reads old reports through the console's timestamp, and gives nothing without a headline", () => {
    const raw = ["crash: WARNING in f", "[   12.345678][ T1234] ------------[ cut here ]------------", "[   12.345679][ T1234] refcount_t: underflow; use-after-free.", "[   12.345680][ T1234] WARNING: CPU: 1 PID: 1234 at lib/refcount.c:28 f+0x1/0x2", "[   12.345681][ T1234] Modules linked in:"].join("\n");
    expect(headlineContext(raw, "WARNING: CPU: 1 PID: 1234 at lib/refcount.c:28 f+0x1/0x2")).toEqual({ before: ["refcount_t: underflow; use-after-free."], after: [] });
    expect(headlineContext(raw, null)).toEqual({ before: [], after: [] });
    expect(headlineContext(raw, "WARNING: not in this report")).toEqual({ before: [], after: [] });
  });
});

describe("crashView of a report with more frames than the page lists", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  it("lists the first 300 of the corpus's longest report (806 frames, a lockdep report) and links the other 506 in the log", async () => {
    const text = readFileSync(`${CORPUS}/Log_118641a9e00000.txt`, "utf8");
    const parsed = parseBisectionLog(text);
    if (!parsed.ok || !parsed.log.crash) throw new Error("no report");
    const frames = parsed.log.crash.frames;
    expect(frames.length).toBe(806);
    const { id } = await ingestLog(db.prisma, text);
    const c = crashView((await getBisection(db.prisma, id))!)!;
    const listed = c.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "group" ? b.group.frames : b.kind === "fold" ? b.groups.flatMap((g) => g.frames) : [])));
    expect(listed.length).toBe(PAGE_FRAMES);
    expect(c.moreFrames).toEqual({ count: 806 - PAGE_FRAMES, listed: PAGE_FRAMES, from: frames[PAGE_FRAMES].logLine, to: frames[805].logLine });
  });

  it("lists every frame of a shorter report, with nothing left over", async () => {
    const { id } = await ingestLog(db.prisma, readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8"));
    expect(crashView((await getBisection(db.prisma, id))!)!.moreFrames).toBeNull();
  });
});
