// The files syzbot never routes a report to, and the report lines it never takes a file from
// (facts from google/syzkaller pkg/report/linux.go, `guiltyFileIgnores` and `guiltyLineIgnore`;
// written here as linear matchers, not copied).
//
// A pattern is a head matched at the start of the path and tails found one after another
// anywhere after it (syzkaller's `^head.*tail1.*tail2`, unanchored at the end). In heads and
// tails `?` stands for any one character: syzkaller's patterns leave most dots unescaped, so
// `^mm/sl.b.c` also covers `mm/slab_common.c`.

export interface FileRule {
  head: string;
  tails: string[];
  /** why a crash passes through such a file without being its bug */
  why: string;
  /** the rule as syzkaller writes it */
  pattern: string;
}

const r = (pattern: string, head: string, tails: string[], why: string): FileRule => ({ pattern, head, tails, why });

export const GUILTY_FILE_IGNORES: FileRule[] = [
  r(".*\\.h", "", [".h"], "headers: inline helpers, the caller uses the API"),
  r("^lib/.*", "lib/", [], "library code (dump_stack, bug.c, list debugging, refcount)"),
  r("^virt/lib/.*", "virt/lib/", [], "virtualisation library code"),
  r("^mm/kasan/.*", "mm/kasan/", [], "KASAN's report path"),
  r("^mm/kmsan/.*", "mm/kmsan/", [], "KMSAN's report path"),
  r("^kernel/kcov.c", "kernel/kcov?c", [], "coverage instrumentation"),
  r("^mm/sl.b.c", "mm/sl?b?c", [], "slab allocators"),
  r("^mm/filemap.c", "mm/filemap?c", [], "page cache helpers called by file systems"),
  r("^mm/folio-compat.c", "mm/folio-compat?c", [], "page cache helpers called by file systems"),
  r("^mm/truncate.c", "mm/truncate?c", [], "page cache helpers called by file systems"),
  r("^mm/memory.c", "mm/memory?c", [], "page fault handling"),
  r("^mm/percpu.*", "mm/percpu", [], "per-CPU allocator"),
  r("^mm/vmalloc.c", "mm/vmalloc?c", [], "vmalloc allocator"),
  r("^mm/page_alloc.c", "mm/page_alloc?c", [], "page allocator"),
  r("^mm/mempool.c", "mm/mempool?c", [], "mempool allocator"),
  r("^mm/util.c", "mm/util?c", [], "allocation helpers"),
  r("^kernel/rcu/.*", "kernel/rcu/", [], "RCU callbacks and stall reports"),
  r("^arch/.*/kernel/traps.c", "arch/", ["/kernel/traps?c"], "trap handlers"),
  r("^arch/.*/kernel/unwind.*.c", "arch/", ["/kernel/unwind", "?c"], "stack unwinders"),
  r("^arch/.*/mm/fault.c", "arch/", ["/mm/fault?c"], "page fault handler"),
  r("^arch/.*/mm/physaddr.c", "arch/", ["/mm/physaddr?c"], "address translation checks"),
  r("^arch/.*/kernel/stacktrace.c", "arch/", ["/kernel/stacktrace?c"], "stack trace saving"),
  r("^arch/.*/kernel/apic/apic.c", "arch/", ["/kernel/apic/apic?c"], "timer interrupt entry"),
  r("^arch/arm64/kernel/entry.*.c", "arch/arm64/kernel/entry", ["?c"], "arm64 exception entry"),
  r("^arch/arm64/kernel/process\\.c", "arch/arm64/kernel/process.c", [], "arm64 process switching"),
  r("^kernel/locking/.*", "kernel/locking/", [], "locking primitives and lockdep"),
  r("^kernel/panic.c", "kernel/panic?c", [], "panic and WARN machinery"),
  r("^kernel/printk/printk.*.c", "kernel/printk/printk", ["?c"], "printk"),
  r("^kernel/softirq.c", "kernel/softirq?c", [], "softirq dispatch"),
  r("^kernel/kthread.c", "kernel/kthread?c", [], "kernel thread start"),
  r("^kernel/sched/.*.c", "kernel/sched/", ["?c"], "scheduler (where tasks wait)"),
  r("^kernel/stacktrace.c", "kernel/stacktrace?c", [], "stack trace saving"),
  r("^kernel/time/timer.c", "kernel/time/timer?c", [], "timer dispatch"),
  r("^kernel/workqueue.c", "kernel/workqueue?c", [], "workqueue dispatch"),
  r("^net/core/dev.c", "net/core/dev?c", [], "network core: the bug is usually in a protocol or driver"),
  r("^net/core/sock.c", "net/core/sock?c", [], "network core: the bug is usually in a protocol or driver"),
  r("^net/core/skbuff.c", "net/core/skbuff?c", [], "network core: the bug is usually in a protocol or driver"),
  r("^fs/proc/generic.c", "fs/proc/generic?c", [], "procfs registration warns on behalf of the caller"),
  r("^trusty/", "trusty/", [], "Trusty sources are not in the kernel tree"),
  r("^drivers/usb/core/urb.c", "drivers/usb/core/urb?c", [], "a WARNING in urb.c usually means a bug in a driver"),
  r("^arch/.*/lib/crc.*", "arch/", ["/lib/crc"], "CRC helpers: the caller is at fault"),
];

/** `text` has `pat` at `pos` (`?` in `pat` matches any one character). */
function at(text: string, pos: number, pat: string): boolean {
  if (pos + pat.length > text.length) return false;
  for (let i = 0; i < pat.length; i++) {
    const p = pat.charCodeAt(i);
    if (p !== 63 /* ? */ && p !== text.charCodeAt(pos + i)) return false;
  }
  return true;
}

export function matchesFileRule(file: string, rule: FileRule): boolean {
  if (!at(file, 0, rule.head)) return false;
  let pos = rule.head.length;
  for (const tail of rule.tails) {
    let found = -1;
    for (let p = pos; p + tail.length <= file.length; p++) {
      if (at(file, p, tail)) {
        found = p;
        break;
      }
    }
    if (found < 0) return false;
    pos = found + tail.length;
  }
  return true;
}

/** The first syzkaller ignore rule a file falls under, or null. */
export function ignoredFile(file: string): FileRule | null {
  for (const rule of GUILTY_FILE_IGNORES) if (matchesFileRule(file, rule)) return rule;
  return null;
}

const IRQ_STATE = /(?:hardirqs|softirqs)\s+last\s+(?:enabled|disabled)/;
const HELD_AT = /,\s+at:\s/;
const HELD_LOCK = /^\s*#\d+:/;
const REGISTER = /^Register r\d+ information/;

/** Report lines syzbot takes no file from: lockdep's irq-state and held-lock lines, and
 *  arm register information; the reason, or null. */
export function ignoredLine(line: string): string | null {
  if (IRQ_STATE.test(line)) return "lockdep irq-state line (hardirqs/softirqs last enabled)";
  if (HELD_AT.test(line) || HELD_LOCK.test(line)) return "lockdep held-lock line (`#N: ... at:`)";
  if (REGISTER.test(line)) return "register information";
  return null;
}

const PATH_CHAR = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45 || c === 46 || c === 47;
const NAME_CHAR = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;

/** The first `path.c:N` / `path.h:N` of a line (syzkaller's `filenameRe`), by a scan of the
 *  line's colons; null when none. Relative to the kernel tree: reports of 2018-2019 print
 *  `/mm/slab.c:3382` (the build directory cut from an absolute path, the slash left), which is
 *  `mm/slab.c` in the tree. syzkaller's own scan keeps the slash, so none of its `^mm/...`
 *  ignore rules match and such a report routes to `/lib/dump_stack.c`, a file no maintainer
 *  owns; read as the tree's path, the ignore rules and MAINTAINERS apply as to newer reports. */
export function fileOfLine(line: string): string | null {
  for (let p = line.indexOf(":"); p >= 0; p = line.indexOf(":", p + 1)) {
    const d = line.charCodeAt(p + 1);
    if (!(d >= 48 && d <= 57)) continue;
    const ext = line.charCodeAt(p - 1);
    if ((ext !== 99 && ext !== 104) || line.charCodeAt(p - 2) !== 46 || !NAME_CHAR(line.charCodeAt(p - 3))) continue;
    let s = p - 3;
    while (s > 0 && PATH_CHAR(line.charCodeAt(s - 1))) s--;
    return treePath(line.slice(s, p));
  }
  return null;
}

/** A report's path without the leading slashes of the 2018-2019 form (`/mm/slab.c`). */
export function treePath(path: string): string {
  let s = 0;
  while (path.charCodeAt(s) === 47 /* / */) s++;
  return s === 0 ? path : path.slice(s);
}

/** Go's filepath.Clean for the relative paths of reports. */
export function cleanPath(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
    else out.push(part);
  }
  return (path.startsWith("/") ? "/" : "") + (out.join("/") || ".");
}

export function dirOf(path: string): string {
  const i = path.lastIndexOf("/");
  return i < 0 ? "." : i === 0 ? "/" : path.slice(0, i);
}

/** syzkaller's `deeperPathRe` on what follows the current guilty directory: `/dir.../name.c`. */
export function isDeeperSuffix(suffix: string): boolean {
  if (suffix.charCodeAt(0) !== 47) return false;
  const last = suffix.lastIndexOf("/");
  if (last < 2) return false;
  const ext = suffix.slice(-2);
  if (ext !== ".c" && ext !== ".h") return false;
  const name = suffix.slice(last + 1, -2);
  if (name.length === 0) return false;
  for (let i = 0; i < name.length; i++) if (!NAME_CHAR(name.charCodeAt(i))) return false;
  for (let i = 1; i < last; i++) if (!PATH_CHAR(suffix.charCodeAt(i))) return false;
  return true;
}
