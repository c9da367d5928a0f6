// Crash report frames (§8, §11) in every report shape syzbot logs carry.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCrash } from "./crash";
import { parseFrameBody } from "./frames";
import type { Frame } from "./types";

function frames(report: string[]): Frame[] {
  return parseCrash(["crash: X", ...report], 1, "X", 1).frames;
}

function brief(fs: Frame[]): string[] {
  return fs.map((f) => `${f.unreliable ? "? " : ""}${f.function}${f.offset !== null ? `+${f.offset}/${f.size}` : ""} ${f.file}:${f.line}${f.inline ? " inline" : ""}${f.module ? ` [${f.module}]` : ""} ${f.section}${f.context ? ` <${f.context}>` : ""}`);
}

describe("crash report frames", () => {
  it("2021 x86 WARNING: header and RIP copies of inline frames, Call Trace, user RIP ends it", () => {
    const r = parseCrash(
      [
        "crash: WARNING in kvm_wait",
        "------------[ cut here ]------------",
        "WARNING: CPU: 0 PID: 8762 at kernel/locking/irqflag-debug.c:9 warn_bogus_irq_restore kernel/locking/irqflag-debug.c:9 [inline]",
        "WARNING: CPU: 0 PID: 8762 at kernel/locking/irqflag-debug.c:9 warn_bogus_irq_restore+0x1d/0x20 kernel/locking/irqflag-debug.c:7",
        "RIP: 0010:warn_bogus_irq_restore+0x1d/0x20 kernel/locking/irqflag-debug.c:7",
        "Code: 51 00 e9 3f fe ff ff cc <0f> 0b c3",
        "RSP: 0018:ffffc9000163fa18 EFLAGS: 00010282",
        "Call Trace:",
        " kvm_wait arch/x86/kernel/kvm.c:860 [inline]",
        " kvm_wait arch/x86/kernel/kvm.c:855 [inline]",
        " kvm_wait+0xc3/0xe0 arch/x86/kernel/kvm.c:837",
        " entry_SYSCALL_64_after_hwframe+0x44/0xa9",
        "RIP: 0033:0x46ca23",
        "Code: Unable to access opcode bytes at RIP 0x46c9f9.",
        "",
        "",
      ],
      1,
      "WARNING in kvm_wait",
      1,
    );
    expect(r.header).toBe("WARNING: CPU: 0 PID: 8762 at kernel/locking/irqflag-debug.c:9 warn_bogus_irq_restore kernel/locking/irqflag-debug.c:9 [inline]");
    expect(r.endLine).toBe(14);
    expect(brief(r.frames)).toEqual([
      "warn_bogus_irq_restore kernel/locking/irqflag-debug.c:9 inline header",
      "warn_bogus_irq_restore+29/32 kernel/locking/irqflag-debug.c:7 header",
      "warn_bogus_irq_restore+29/32 kernel/locking/irqflag-debug.c:7 rip",
      "kvm_wait arch/x86/kernel/kvm.c:860 inline call-trace",
      "kvm_wait arch/x86/kernel/kvm.c:855 inline call-trace",
      "kvm_wait+195/224 arch/x86/kernel/kvm.c:837 call-trace",
      "entry_SYSCALL_64_after_hwframe+68/169 null:null call-trace",
    ]);
    expect(r.frames[3].logLine).toBe(9);
  });

  it("2021+ x86: <IRQ>/</IRQ>/<TASK> contexts, a register dump inside the trace, audit lines between", () => {
    const f = frames([
      "Call Trace:",
      " <IRQ>",
      " __dump_stack lib/dump_stack.c:88 [inline]",
      " dump_stack_lvl+0xcd/0x134 lib/dump_stack.c:106",
      "RIP: 0010:native_safe_halt arch/x86/include/asm/irqflags.h:51 [inline]",
      "Code: 00 00 00",
      "RAX: 0000000000000000 RBX: 0000000000000000",
      " default_idle+0xe/0x20 arch/x86/kernel/process.c:731",
      "audit: type=1400 audit(1574171385.471:42): avc:  denied  { map } for  pid=7321",
      " </IRQ>",
      " <TASK>",
      " do_syscall_64+0x35/0xb0 arch/x86/entry/common.c:80",
      " </TASK>",
    ]);
    expect(brief(f)).toEqual([
      "__dump_stack lib/dump_stack.c:88 inline call-trace <IRQ>",
      "dump_stack_lvl+205/308 lib/dump_stack.c:106 call-trace <IRQ>",
      "native_safe_halt arch/x86/include/asm/irqflags.h:51 inline rip <IRQ>",
      "default_idle+14/32 arch/x86/kernel/process.c:731 call-trace <IRQ>",
      "do_syscall_64+53/176 arch/x86/entry/common.c:80 call-trace <TASK>",
    ]);
  });

  it("2019 KASAN: header frame, Allocated by / Freed by sections", () => {
    const f = frames([
      "==================================================================",
      "BUG: KASAN: use-after-free in __lock_acquire+0x3e6f/0x5e90 kernel/locking/lockdep.c:4296",
      "Read of size 8 at addr ffff88809a5b0c60 by task syz-executor.0/9146",
      "Call Trace:",
      " kasan_report+0x12/0x20 mm/kasan/common.c:641",
      "",
      "Allocated by task 9146:",
      " save_stack+0x23/0x90 mm/kasan/common.c:72",
      "",
      "Freed by task 9146:",
      " kfree+0x10a/0x2c0 mm/slab.c:3757",
      "",
      "The buggy address belongs to the object at ffff88809a5b0c40",
      "Memory state around the buggy address:",
      " ffff88809a5b0b00: fb fb fb fb fb fb fb fb fb fb fb fb fb fb fb fb",
    ]);
    expect(brief(f)).toEqual([
      "__lock_acquire+15983/24208 kernel/locking/lockdep.c:4296 header",
      "kasan_report+18/32 mm/kasan/common.c:641 call-trace",
      "save_stack+35/144 mm/kasan/common.c:72 allocated",
      "kfree+266/704 mm/slab.c:3757 freed",
    ]);
  });

  it("arm64: `pc : ` / `lr : ` with [inline], `Call trace:` at two-space indent", () => {
    const f = frames([
      "pc : __lock_acquire+0x6e0/0x5000 kernel/locking/lockdep.c:3825",
      "lr : lock_acquire kernel/locking/lockdep.c:5437 [inline]",
      "sp : ffff80001e8678b0",
      "x29: ffff80001e8678b0 x28: 0000000000000000",
      "Call trace:",
      "  dump_backtrace+0x0/0x2d0 arch/arm64/kernel/stacktrace.c:100",
      "  el0_svc+0x20/0x30 arch/arm64/kernel/entry-common.c:608",
    ]);
    expect(brief(f)).toEqual([
      "__lock_acquire+1760/20480 kernel/locking/lockdep.c:3825 rip",
      "lock_acquire kernel/locking/lockdep.c:5437 inline rip",
      "dump_backtrace+0/720 arch/arm64/kernel/stacktrace.c:100 call-trace",
      "el0_svc+32/48 arch/arm64/kernel/entry-common.c:608 call-trace",
    ]);
  });

  it("arm32 `Backtrace:` `[<pc>] (callee) from [<pc>] (caller+0x…/0x… path:line)` with register lines", () => {
    const f = frames([
      "PC is at __lock_acquire+0x1c/0x2a0 kernel/locking/lockdep.c:4950",
      "Backtrace: ",
      "[<8010a4e0>] (dump_backtrace) from [<8010a7f8>] (show_stack+0x18/0x1c arch/arm/kernel/traps.c:253)",
      " r7:00000080 r6:60000093 r5:00000000 r4:82b58344",
      "[<8010a7e0>] (show_stack) from [<8271fd38>] (__dump_stack lib/dump_stack.c:77 [inline])",
      "[<8010a7e0>] (show_stack) from [<8271fd38>] (dump_stack+0xb8/0xe8 lib/dump_stack.c:118)",
      "Exception stack(0xdf8c1fb0 to 0xdf8c1ff8)",
    ]);
    expect(brief(f)).toEqual([
      "__lock_acquire+28/672 kernel/locking/lockdep.c:4950 rip",
      "dump_backtrace null:null call-trace",
      "show_stack+24/28 arch/arm/kernel/traps.c:253 call-trace",
      "__dump_stack lib/dump_stack.c:77 inline call-trace",
      "dump_stack+184/232 lib/dump_stack.c:118 call-trace",
    ]);
  });

  it("old x86 reports: `[<hex>]` prefixes, `? ` frames, <EOI> sharing a line, column 0, modules, trailing ()", () => {
    const f = frames([
      "Call Trace:",
      " <IRQ>  [<ffffffff8111a2a9>] ? irq_exit+0x1/0x2",
      " <EOI>  [<ffffffff8111a2a9>] do_softirq.part.17+0x59/0x60",
      "[<ffffffff82d4e304>] __memset+0x24/0x30 lib/memset.c:5",
      " baz+0x101/0x200 baz.c:100 [beep]",
      " inl drivers/x.c:-1 [inline] [mod_x]",
      "WARNING: CPU: 1 PID: 2 at net/core/dev.c:12 dev_foo+0x5/0x10 net/core/dev.c:12()",
      " kmsan_old_style mm/kmsan/kmsan.c:337",
      " [<ffffffff81a0b3c1>] ? unreliable_fn+0x1/0x2 [modx]",
    ]);
    expect(brief(f)).toEqual([
      "? irq_exit+1/2 null:null call-trace <IRQ>",
      "do_softirq.part.17+89/96 null:null call-trace",
      "__memset+36/48 lib/memset.c:5 call-trace",
      "baz+257/512 baz.c:100 [beep] call-trace",
      "inl drivers/x.c:-1 inline [mod_x] call-trace",
      "dev_foo+5/16 net/core/dev.c:12 header",
      "kmsan_old_style mm/kmsan/kmsan.c:337 call-trace",
      "? unreliable_fn+1/2 null:null [modx] call-trace",
    ]);
  });

  it("labelled frames: lockdep `at:`, `hardirqs last enabled at (N):`, ODEBUG `hint:`, console prefixes", () => {
    const f = frames([
      "the existing dependency chain (in reverse order) is:",
      "-> #1 (&mm->mmap_lock#2){++++}-{3:3}:",
      "       lock_acquire kernel/locking/lockdep.c:5437 [inline]",
      " #0: ffff888146f29420 (&type->s_umount_key#30){++++}-{3:3}, at: deactivate_super+0xad/0xd0 fs/super.c:365",
      "hardirqs last  enabled at (123): [<ffffffff8100>] __up_console_sem+0xae/0xc0 kernel/printk/printk.c:254",
      "ODEBUG: free active (active state 0) object type: timer_list hint: delayed_work_timer_fn+0x0/0x10 kernel/workqueue.c:1600",
      "  [  246.107021] [<ffffffff81216576>] save_stack_trace+0x16/0x20 arch/x86/kernel/stacktrace.c:57",
      " lock: nf_conntrack_locks+0x0/0xe000, .magic: dead4ead",
    ]);
    expect(f.map((x) => `${x.function} ${x.section}`)).toEqual([
      "lock_acquire other-stack",
      "deactivate_super other-stack",
      "__up_console_sem other-stack",
      "delayed_work_timer_fn header",
      "save_stack_trace other-stack",
    ]);
  });

  it("frame bodies reject non-frames", () => {
    for (const line of ["Modules linked in:", "Hardware name: Google Google Compute Engine", "RSP: 0018:ffffc9000163fa18", "kernel BUG at mm/slub.c:123!", "Code: 51 00", "func [inline]"]) {
      expect(parseFrameBody(line, 0), line).toBeNull();
    }
  });

  it("context markers nest as a plain stack would keep them (runs of one name are one entry)", () => {
    const marker = fc.constantFrom("<IRQ>", "</IRQ>", "<NMI>", "</NMI>", "<EOI>", "<TASK>", "</TASK>", "<SOFTIRQ>", "</X_1>", "<X_1>");
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(marker, { maxLength: 6 }), fc.boolean()), { maxLength: 12 }), (spec) => {
        const stack: string[] = [];
        const want: (string | null)[] = [];
        const lines = spec.map(([ms, frame]) => {
          for (const m of ms) {
            const name = m.replace(/[</>]/g, "");
            const at = stack.lastIndexOf(m.startsWith("</") ? name : name === "EOI" ? "IRQ" : "");
            if (m.startsWith("</") || name === "EOI") {
              if (at >= 0) stack.length = at;
            } else stack.push(name);
          }
          if (frame || ms.length === 0) want.push(stack.length > 0 ? stack[stack.length - 1] : null);
          return `${ms.join(" ")}${frame || ms.length === 0 ? " f+0x1/0x2 a.c:1" : ""}`;
        });
        expect(frames(lines).map((f) => f.context)).toEqual(want);
      }),
      { numRuns: 2000 },
    );
  });
});
