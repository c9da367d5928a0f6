// The stack trace as the page lays it out, from the real parser on real reports. Expected
// values read off the report text by hand (line numbers are the log's).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import type { Frame } from "@/lib/parser/types";
import { frameOffset, frameSections, functionColumnWidth, type FrameBlock, type FrameSectionView } from "./frames";
import type { PageFrame } from "./types";

function framesOf(path: string): PageFrame[] {
  const r = parseBisectionLog(readFileSync(path, "utf8"));
  if (!r.ok || !r.log.crash) throw new Error(`${path}: no crash report`);
  return r.log.crash.frames.map((f: Frame, position) => ({ ...f, position }));
}

/** Each block as a line: "g fn fn" for a group (report order), "fold reason n: heads", "ctx". */
function shape(v: FrameSectionView): string[] {
  return v.blocks.map((b: FrameBlock) => {
    if (b.kind === "group") return `g ${b.group.frames.map((f) => f.function).join(" ")}`;
    if (b.kind === "fold") return `fold ${b.reason} ${b.frames}: ${b.groups.map((g) => g.head.function).join(" ")}`;
    return `ctx ${b.from}>${b.to}`;
  });
}

describe("frameSections on the seed report (WARNING in kvm_wait, L240-L291)", () => {
  const sections = frameSections(framesOf("lib/parser/testdata/cause-kvm_wait-title-drift.txt"));

  it("shows the reported place once: the RIP lines (L248-L249) repeat the WARNING line (L243-L244)", () => {
    expect(sections.map((s) => s.section)).toEqual(["header", "call-trace"]);
    expect(sections[0].copies).toEqual([{ line: 248, section: "rip" }]);
    expect(shape(sections[0])).toEqual(["g warn_bogus_irq_restore warn_bogus_irq_restore"]);
  });

  it("keeps the call trace in report order, inline frames before the frame that contains them", () => {
    expect(shape(sections[1])).toEqual([
      "g kvm_wait kvm_wait",
      "g pv_wait pv_wait_head_or_lock __pv_queued_spin_lock_slowpath",
      "g pv_queued_spin_lock_slowpath queued_spin_lock_slowpath queued_spin_lock do_raw_spin_lock",
      "g spin_lock check_stack_usage do_exit",
      "g do_group_exit",
      "g get_signal",
      "g arch_do_signal_or_restart",
      // L278-L283: the way back to user space, 6 frames in 3 groups
      "fold syscall 6: exit_to_user_mode_prepare syscall_exit_to_user_mode entry_SYSCALL_64_after_hwframe",
    ]);
    const lines = sections[1].blocks.flatMap((b) => (b.kind === "group" ? b.group.frames : b.kind === "fold" ? b.groups.flatMap((g) => g.frames) : []));
    expect(lines.map((f) => f.logLine)).toEqual(Array.from({ length: 21 }, (_, i) => 263 + i));
  });
});

describe("frameSections on a report printed again and again (Log_12f60095d00000, divide error in squashfs_readpage)", () => {
  const sections = frameSections(framesOf("../shared/corpus/syzbot-cause-2019-2023/Log_12f60095d00000.txt"));

  it("shows the RIP (L184-L186) once, with the 10 places it was printed again", () => {
    const rip = sections[0];
    expect(rip.section).toBe("rip");
    expect(shape(rip)).toEqual(["g fill_meta_index read_blocklist squashfs_readpage"]);
    // `RIP: 0010:fill_meta_index fs/squashfs/file.c:256 [inline]` at each of these lines
    expect(rip.copies.map((c) => c.line)).toEqual([245, 250, 336, 363, 418, 475, 480, 552, 611, 640]);
  });

  it("shows the call trace from L203 once, printed again after `Call Trace:` at L382, L436, L497 and L567", () => {
    const calls = sections.filter((s) => s.section === "call-trace");
    expect(calls).toHaveLength(1);
    expect(calls[0].blocks.length).toBe(12);
    expect(calls[0].copies.map((c) => c.line)).toEqual([383, 438, 499, 569]);
  });
});

describe("reporting machinery", () => {
  const f = (fn: string, position: number, inline = false): PageFrame => ({
    position, function: fn, offset: 1, size: 2, file: "x.c", line: position, inline, module: null, unreliable: false,
    section: "call-trace", context: null, logLine: 100 + position,
  });

  it("folds dump_stack, print_report and kasan_report into one line, and keeps the frame that failed", () => {
    const [s] = frameSections([f("__dump_stack", 0, true), f("dump_stack_lvl", 1), f("print_report", 2), f("kasan_report", 3), f("sk_psock_get", 4)]);
    expect(shape(s)).toEqual(["fold reporting 4: dump_stack_lvl print_report kasan_report", "g sk_psock_get"]);
  });

  it("does not fold a single reporting frame", () => {
    const [s] = frameSections([f("panic", 0), f("do_exit", 1)]);
    expect(shape(s)).toEqual(["g panic", "g do_exit"]);
  });
});

describe("the function column of a stack trace", () => {
  it("is as wide as the widest `function+off/size`, the same for every frame", () => {
    const f = (fn: string, offset: number | null, size: number | null, unreliable = false) => ({ function: fn, offset, size, unreliable });
    expect(frameOffset(f("register_lock_class", 0x545, 0x2cb0))).toBe("+0x545/0x2cb0");
    expect(frameOffset(f("x", null, null))).toBe("");
    // batadv_hardif_activate_interface.part.0.cold+0x65/0x1b4 (89d3c425b6e2): 44 + 11
    expect(functionColumnWidth([f("kvm_wait", 0x1, 0x2), f("batadv_hardif_activate_interface.part.0.cold", 0x65, 0x1b4)])).toBe(55);
    expect(functionColumnWidth([f("pv_wait", null, null, true)])).toBe(17);
    expect(functionColumnWidth([])).toBe(0);
  });
});

