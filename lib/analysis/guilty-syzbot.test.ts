// The guilty file as syzbot routes it: each case is a rule of syzkaller's extractGuiltyFile
// (pkg/report/linux.go), on a report built to exercise it, read from the log text.
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import { describeGuilty, findGuiltyFrame } from "./guilty";
import { cleanPath, fileOfLine, ignoredFile, ignoredLine, isDeeperSuffix } from "./guilty-rules";
import { isOopsLine } from "./oops-start";
import { buildLog, CLEAN } from "./test-logs";

function guiltyOf(title: string, report: string, withText = true) {
  const text = buildLog({ ...CLEAN, crash: { title, report } });
  const r = parseBisectionLog(text);
  if (!r.ok) throw new Error(r.reason);
  return { g: findGuiltyFrame(r.log.crash, withText ? text.split("\n") : null), crash: r.log.crash!, lines: text.split("\n") };
}

const WARN_DEV = `------------[ cut here ]------------
WARNING: CPU: 1 PID: 9 at net/core/dev.c:3243 skb_warn_bad_offload+0x2a/0x30 net/core/dev.c:3243
Modules linked in:
RIP: 0010:skb_warn_bad_offload+0x2a/0x30 net/core/dev.c:3243
Call Trace:
 __skb_gso_segment+0x3a/0x60 net/core/dev.c:3420
 skb_gso_segment include/linux/netdevice.h:4817 [inline]
 validate_xmit_skb+0x1d/0x40 net/core/dev.c:3665
 tun_get_user+0x21/0x80 drivers/net/tun.c:1960
 tun_chr_write_iter+0x10/0x20 drivers/net/tun.c:2019`;

describe("guilty file as syzbot routes it", () => {
  it("skips net/core/dev.c and headers, in report text order", () => {
    const { g, crash } = guiltyOf("WARNING in skb_warn_bad_offload", WARN_DEV);
    expect(g?.file).toBe("drivers/net/tun.c");
    expect(g?.rule).toBe("first");
    expect(crash.frames[g!.frameIndex!].function).toBe("tun_get_user");
    expect(g?.skipped.map((s) => s.file)).toEqual(["net/core/dev.c", "include/linux/netdevice.h"]);
    expect(describeGuilty(g!)).toContain("net/core/dev.c (network core");
  });

  it("takes the first file when every file is ignored", () => {
    const { g } = guiltyOf("WARNING in kcov_remote_start", `WARNING: CPU: 0 PID: 1 at kernel/kcov.c:870 kcov_remote_start+0x10/0x20 kernel/kcov.c:870
Call Trace:
 kcov_remote_start_usb include/linux/kcov.h:52 [inline]
 lock_acquire+0x1/0x2 kernel/locking/lockdep.c:5437`);
    expect(g?.file).toBe("kernel/kcov.c");
    expect(g?.rule).toBe("fallback");
  });

  it("never takes a file from lockdep's held-lock and irq-state lines", () => {
    const { g } = guiltyOf("possible deadlock in foo_lock", `WARNING: possible circular locking dependency detected
syz-executor/1 is trying to acquire lock:
ffff888 (&foo->lock){+.+.}-{3:3}, at: foo_lock+0x10/0x20 drivers/foo/lock.c:10

but task is already holding lock:
 #0: ffff888 (&bar->mutex){+.+.}-{3:3}, at: bar_ioctl+0x10/0x20 drivers/bar/ioctl.c:5
hardirqs last  enabled at (123): [<ffffffff81>] baz_irq+0x1/0x2 drivers/baz/irq.c:7
Call Trace:
 foo_ioctl+0x50/0x80 drivers/qux/core.c:100`);
    expect(g?.file).toBe("drivers/qux/core.c");
    expect(g?.skipped.map((s) => s.why)).toContain("lockdep held-lock line (`#N: ... at:`)");
  });

  it("reads held-lock lines behind an old console prefix as syzkaller does, prefix stripped", () => {
    const { g } = guiltyOf("possible deadlock in foo_lock", `[  246.107021] WARNING: possible circular locking dependency detected
[  246.107022]  #0: ffff888 (&bar->mutex){+.+.}-{3:3} bar_ioctl+0x10/0x20 drivers/bar/ioctl.c:5
[  246.107023][ T1234]  foo_ioctl+0x50/0x80 drivers/qux/core.c:100`);
    expect(g?.file).toBe("drivers/qux/core.c");
    expect(g?.line).toBeGreaterThan(0);
  });

  it("prefers a deeper path under the guilty file's directory", () => {
    const { g } = guiltyOf("KASAN: use-after-free Read in iput", `BUG: KASAN: use-after-free in iput+0x10/0x20 fs/inode.c:1700
Call Trace:
 iput+0x10/0x20 fs/inode.c:1700
 ntfs_fill_super+0x30/0x40 fs/ntfs3/super.c:1100
 get_tree_bdev+0x1/0x2 fs/super.c:1300
 ntfs_attr_find+0x1/0x2 fs/ntfs3/attrib.c:10`);
    // fs/ntfs3/super.c is deeper under fs/; fs/ntfs3/attrib.c beside it is not deeper than it
    expect(g?.file).toBe("fs/ntfs3/super.c");
    expect(g?.rule).toBe("deeper");
    expect(g?.over).toBe("fs/inode.c");
  });

  it("starts an RCU stall at the interrupt entry", () => {
    const { g } = guiltyOf("INFO: rcu detected stall in foo_loop", `rcu: INFO: rcu_preempt self-detected stall on CPU
 rcu_dump_cpu_stacks+0x1/0x2 kernel/rcu/tree_stall.h:337
 print_cpu_stall+0x1/0x2 drivers/tty/serial/8250/8250_port.c:3300
 apic_timer_interrupt+0xf/0x20 arch/x86/entry/entry_64.S:830
RIP: 0010:foo_loop+0x10/0x20 drivers/foo/loop.c:44`);
    expect(g?.file).toBe("drivers/foo/loop.c");
    expect(g?.start).toBe("apic_timer_interrupt");
  });

  it("starts at the oops line: a file in the console lines syzbot prints before it is no route", () => {
    // the shape of Log_15c42532700000 L248-276: the tail of another stack, then the report
    const { g, lines } = guiltyOf("WARNING in ref_tracker_dir_exit", ` hsr_add_port+0x3a1/0x670 net/hsr/hsr_slave.c:193
 netlink_sendmsg+0x775/0xc10 net/netlink/af_netlink.c:1917
------------[ cut here ]------------
WARNING: CPU: 0 PID: 8 at lib/ref_tracker.c:38 ref_tracker_dir_exit+0x3c0/0x4a0 lib/ref_tracker.c:38
RIP: 0010:ref_tracker_dir_exit+0x3c0/0x4a0 lib/ref_tracker.c:38
Call Trace:
 free_netdev+0x3c0/0x4a0 net/core/dev.c:10801
 cleanup_net+0x423/0x980 net/core/net_namespace.c:593`);
    expect(g?.file).toBe("net/core/net_namespace.c");
    expect(g?.skipped.map((s) => s.file)).toEqual(["lib/ref_tracker.c", "net/core/dev.c"]);
    // the oops line is the report's fourth line; the reader is told why hsr_slave.c was passed over
    expect(g?.oopsLine).toBe(lines.findIndex((l) => l.startsWith("WARNING: CPU: 0 PID: 8 at lib/ref_tracker.c")) + 1);
    expect(describeGuilty(g!)).toContain(`read from the oops line (L${g?.oopsLine}) down, as syzbot does: the lines printed before it are context`);
  });
  it("does not start at an ODEBUG line, which syzkaller's BUG: header suppresses", () => {
    // the shape of Log_13fd6e54c80000 L332-369
    const { g } = guiltyOf("WARNING: ODEBUG bug in batadv_dat_free", `ODEBUG: free active (active state 0) object type: timer_list hint: batadv_dat_purge+0x0/0x400 net/batman-adv/distributed-arp-table.c:1815
WARNING: CPU: 1 PID: 9 at lib/debugobjects.c:505 debug_print_object+0x16e/0x250 lib/debugobjects.c:505
Call Trace:
 debug_object_free+0x1f/0x30 lib/debugobjects.c:900
 ops_exit_list net/core/net_namespace.c:167 [inline]`);
    expect(g?.file).toBe("net/core/net_namespace.c");
  });
  it("reads the oops line itself", () => {
    const { g } = guiltyOf("WARNING in foo_bar", ` netlink_sendmsg+0x775/0xc10 net/netlink/af_netlink.c:1917
WARNING: CPU: 0 PID: 8 at drivers/foo/bar.c:12 foo_bar+0x1/0x2
Call Trace:
 baz+0x1/0x2 sound/core/timer.c:3`);
    expect(g?.file).toBe("drivers/foo/bar.c");
    expect(g?.rule).toBe("first");
  });
  it("says nothing of the oops line when the lines before it name no file", () => {
    const { g } = guiltyOf("WARNING in foo_bar", `------------[ cut here ]------------
WARNING: CPU: 0 PID: 8 at drivers/foo/bar.c:12 foo_bar+0x1/0x2`);
    expect(g?.oopsLine).toBeNull();
    expect(describeGuilty(g!)).not.toContain("oops line");
  });
  it("reads the whole text when no line is an oops line", () => {
    expect(guiltyOf("foo", " foo_bar+0x1/0x2 drivers/foo/bar.c:10\n baz+0x1/0x2 net/core/dev.c:1").g?.file).toBe("drivers/foo/bar.c");
  });

  it("without the text, reads the parsed frames in log order", () => {
    const { g } = guiltyOf("WARNING in skb_warn_bad_offload", WARN_DEV, false);
    expect(g?.file).toBe("drivers/net/tun.c");
  });

  it("is null for a report without source files", () => {
    expect(guiltyOf("WARNING in foo", "WARNING: CPU: 0 PID: 1 at foo+0x1/0x2").g).toBeNull();
    expect(findGuiltyFrame(null)).toBeNull();
  });
});

describe("syzkaller's matchers, rewritten", () => {
  it("finds the first path:line of a line", () => {
    expect(fileOfLine(" kvm_wait+0xc3/0xe0 arch/x86/kernel/kvm.c:837")).toBe("arch/x86/kernel/kvm.c");
    expect(fileOfLine("WARNING: CPU: 0 PID: 1 at kernel/locking/irqflag-debug.c:9 warn+0x1d/0x20 lib/x.c:7")).toBe("kernel/locking/irqflag-debug.c");
    expect(fileOfLine(" f+0x1/0x2 arch/x86/entry/entry_64.S:830")).toBeNull();
    expect(fileOfLine("no file: here.c: 12")).toBeNull();
    // 2018-2019 reports: the build directory cut from an absolute path, the slash left (Log_1633cb00600000 L144)
    expect(fileOfLine("    [<000000009ece7274>] kmem_cache_alloc_trace+0x134/0x240 /mm/slab.c:3608")).toBe("mm/slab.c");
    expect(fileOfLine("x".repeat(100000) + ":" + "1".repeat(10))).toBeNull();
  });
  it("ignores as syzkaller does, unescaped dots included", () => {
    for (const f of ["include/linux/list.h", "lib/list_debug.c", "mm/slub.c", "mm/slab_common.c", "arch/x86/mm/fault.c", "arch/arm64/kernel/entry-common.c", "kernel/sched/core.c", "net/core/skbuff.c", "drivers/usb/core/urb.c", "arch/x86/kernel/apic/apic.c", "fs/proc/generic.c", "mm/filemap.c"])
      expect(ignoredFile(f), f).not.toBeNull();
    for (const f of ["net/core/sock_map.c", "drivers/usb/core/hub.c", "fs/proc/base.c", "arch/x86/kvm/x86.c", "mm/mmap.c", "kernel/bpf/verifier.c"]) expect(ignoredFile(f), f).toBeNull();
  });
  it("knows lockdep lines", () => {
    expect(ignoredLine("softirqs last disabled at (0): [<0>] 0x0")).not.toBeNull();
    expect(ignoredLine(" #1: ffff (rtnl_mutex){+.+.}-{3:3}, at: rtnl_lock+0x1/0x2 net/core/rtnetlink.c:72")).not.toBeNull();
    expect(ignoredLine(" rtnl_lock+0x1/0x2 net/core/rtnetlink.c:72")).toBeNull();
  });
  it("knows syzkaller's oops headers and their suppressions", () => {
    for (const l of [
      "BUG: KASAN: use-after-free in foo+0x1/0x2",
      "WARNING: CPU: 0 PID: 1 at net/core/dev.c:1 f+0x1/0x2",
      "INFO: task syz-executor:123 blocked for more than 143 seconds.",
      "general protection fault, probably for non-canonical address 0xdffffc0000000000: 0000 [#1] PREEMPT SMP KASAN",
      "kernel BUG at fs/ext4/inode.c:2702!",
      "Unable to handle kernel paging request at virtual address dfff800000000004",
      "UBSAN: shift-out-of-bounds in net/sched/sch_api.c:1234:5",
      "divide error: 0000 [#1] PREEMPT SMP KASAN",
      "unregister_netdevice: waiting for lo to become free. Usage count = 2",
      "SYZFATAL: executor failed",
      "Kernel panic - not syncing: panic_on_warn set ...",
      "fatal error: runtime: out of memory",
      "PANIC: double fault, error_code: 0x0",
      "Internal error: Oops: 0000000096000006 [#1] PREEMPT SMP",
      "VFS: Busy inodes after unmount of sda1. Self-destruct in 5 seconds.  Have a nice day...",
      // syzkaller's suppressions are narrower than a substring test would be
      "general protection fault xerror:0 in foo",
      "WARNING: See https://example.org for mitigation options",
      "WARNING: fbcon: Driver 'vkmsdrmfb' missed to adjust virtual screen size (0x0 vs. 64x768",
      "EXT4-fs (loop0 WARNING: no closing parenthesis",
      "[  123.456789][ T1234] BUG: sleeping function called from invalid context at mm/slab.h:494",
    ])
      expect(isOopsLine(l), l).toBe(true);
    for (const l of [
      "ODEBUG: free active (active state 0) object type: timer_list hint: f+0x0/0x10 net/x.c:1",
      "DEBUG: something",
      "INFO: lockdep is turned off.",
      "INFO: NMI handler (perf_event_nmi_handler) took too long to run: 1.2 msecs",
      "INFO: perf: interrupt took too long (2500 > 2495), lowering kernel.perf_event_max_sample_rate to 79000",
      "WARNING: The mand mount option has been deprecated",
      "EXT4-fs (loop0): WARNING: mounting fs with errors",
      "XFS (loop1): WARNING: Reset corrupted AGFL",
      "WARNING: syz-executor.0 uses wireless extensions which will stop working for Wi-Fi 7 hardware",
      "traps: syz-executor[1] general protection fault ip:7f sp:7f error:0 in libc.so.6[7f+1000]",
      "skb_panic: text",
      "BTF_INFO: whatever",
      "BUG: no syscalls can create resource fd_bpf_map",
      "Boot_DEBUG: x",
      "xlog_status: BUG: y",
      "WARNING: /etc/ssh/moduli does not exist, using fixed modulus",
      "WARNING: workqueue cpumask: online intersect > possible intersect",
      "WARNING: the mand mount option is being deprecated",
      "WARNING: Unsupported flag value(s) of 0x%x in DT_FLAGS_1.",
      "WARNING: Unprivileged eBPF is enabled with eIBRS on, data leaks possible via Spectre v2 BHB attacks!",
      "WARNING: fbcon: Driver 'vkmsdrmfb' missed to adjust virtual screen size (0x0 vs. 64x768)",
      "WARNING: See https://www.kernel.org/doc/html/latest/admin-guide/hw-vuln/mds.html for mitigation options.",
      "WARNING: kernel not compiled with CPU_SRSO.",
      "EXT4-FS: WARNING: mounting unchecked fs",
      "EXT4-fs: WARNING: x",
      "INFO: Stall ended before state dump start",
      "INFO: recovery required on readonly filesystem.",
      "INFO: sys_foo is not present in /proc/kallsyms",
      "INFO: no syscalls can create resource sock",
      "rmt_storage:INFO: x",
      "Booting the kernel. Unknown parameter 'x'",
      "Decompressing Linux... Parsing ELF... done. Booting the kernel.",
      "ddb.onpanic: 1",
      "evtlog_status: panic: 2",
      "ALSA: fatal error: x",
      "fatal error: cannot create timer",
      " netlink_sendmsg+0x775/0xc10 net/netlink/af_netlink.c:1917",
      "------------[ cut here ]------------",
    ])
      expect(isOopsLine(l), l).toBe(false);
  });
  it("cleans paths and tells deeper suffixes", () => {
    expect(cleanPath("./drivers/foo/../foo/core.c")).toBe("drivers/foo/core.c");
    expect(isDeeperSuffix("/ntfs3/super.c")).toBe(true);
    expect(isDeeperSuffix("/super.c")).toBe(false);
    expect(isDeeperSuffix("x/super.c")).toBe(false);
  });
});
