// Where a printed report begins. syzbot prints a crash as syzkaller's `rep.Report`: up to 5 (or,
// with the printk caller id, 50) console lines of the same task before the oops, then the report
// from the oops line on. The guilty file is read from the oops line down only (pkg/report's
// `rep.Report[rep.reportPrefixLen:]`): a file in the lines before it (another task's stack tail,
// an `ODEBUG: ... hint: f+0x0/0x10 path.c:12` line) is never the route.
//
// The oops line is the first line holding one of syzkaller's oops headers that none of that
// header's suppressions matches (pkg/report linux.go `linuxOopses`, which ends with report.go's
// `groupGoRuntimeErrors`, and report.go `commonOopses`; facts, written here as substring
// tests: no regular expression runs over a line a user chose, so every test is linear in the
// line).

type Test = (line: string) => boolean;

const has = (s: string): Test => (line) => line.includes(s);
/** `a` and later `b`, as syzkaller's `a.*b` */
const then = (a: string, b: string): Test => (line) => {
  const i = line.indexOf(a);
  return i >= 0 && line.indexOf(b, i + a.length) >= 0;
};
const any = (...tests: Test[]): Test => (line) => tests.some((t) => t(line));

/** ` error:<digits> in ` after `general protection fault `: user-space faults printed by the kernel. */
function gpfInUser(line: string): boolean {
  const start = line.indexOf("general protection fault ");
  if (start < 0) return false;
  for (let i = line.indexOf(" error:", start); i >= 0; i = line.indexOf(" error:", i + 1)) {
    let j = i + 7;
    while (j < line.length && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
    if (j > i + 7 && line.startsWith(" in ", j)) return true;
  }
  return false;
}

/** `EXT4-fs:`, `EXT4-FS (sda1):` (syzkaller's `EXT4-[Ff][Ss](?: \(.*\))?:`): ext4's own messages. */
function ext4Message(line: string): boolean {
  // the last `):` of the line, once: `\(.*\)` reaches it from any ` (` before it
  const close = line.lastIndexOf("):");
  for (let i = line.indexOf("EXT4-"); i >= 0; i = line.indexOf("EXT4-", i + 1)) {
    const f = line[i + 5];
    const s = line[i + 6];
    if ((f !== "F" && f !== "f") || (s !== "S" && s !== "s")) continue;
    const rest = i + 7;
    if (line[rest] === ":") return true;
    if (line.startsWith(" (", rest) && close > rest) return true;
  }
  return false;
}

/** A character of regex `\w`. */
function wordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** `XFS (<word>): WARNING` */
function xfsWarning(line: string): boolean {
  for (let i = line.indexOf("XFS ("); i >= 0; i = line.indexOf("XFS (", i + 1)) {
    let j = i + 5;
    while (j < line.length && wordChar(line.charCodeAt(j))) j++;
    if (j > i + 5 && line.startsWith("): WARNING", j)) return true;
  }
  return false;
}

/** `(?i)warning: .* uses (deprecated v2 capabilities|wireless extensions)` */
function usesDeprecated(line: string): boolean {
  const low = line.toLowerCase();
  const i = low.indexOf("warning: ");
  // `.*` after `warning: ` may be empty, so the phrase may start with the space that ends it
  return i >= 0 && (low.indexOf(" uses deprecated v2 capabilities", i + 8) >= 0 || low.indexOf(" uses wireless extensions", i + 8) >= 0);
}

/** Digits `x` digits at `i`; the index after them, or -1. */
function size(line: string, i: number): number {
  const digits = (k: number) => {
    let j = k;
    while (j < line.length && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
    return j > k ? j : -1;
  };
  const a = digits(i);
  if (a < 0 || line[a] !== "x") return -1;
  return digits(a + 1);
}

/** `WARNING: fbcon: Driver '(.*)' missed to adjust virtual screen size (NxN vs. NxN)` */
function fbconSize(line: string): boolean {
  const head = "WARNING: fbcon: Driver '";
  const tail = "' missed to adjust virtual screen size (";
  const h = line.indexOf(head);
  if (h < 0) return false;
  for (let t = line.indexOf(tail, h + head.length); t >= 0; t = line.indexOf(tail, t + 1)) {
    const a = size(line, t + tail.length);
    if (a < 0 || !line.startsWith(" vs. ", a)) continue;
    const b = size(line, a + 5);
    if (b >= 0 && line[b] === ")") return true;
  }
  return false;
}

/** `WARNING: See https.* for mitigation options.` (the last `.` is any character) */
function mitigation(line: string): boolean {
  const h = line.indexOf("WARNING: See https");
  if (h < 0) return false;
  const m = " for mitigation options";
  let t = line.lastIndexOf(m);
  // the last one at the very end has no character after it: then one before it, if any
  if (t >= 0 && t + m.length === line.length) t = t > 0 ? line.lastIndexOf(m, t - 1) : -1;
  return t >= h + 18;
}

interface Oops {
  header: string;
  suppressed?: Test;
}

const OOPSES: Oops[] = [
  { header: "BUG:", suppressed: any(has("ODEBUG:"), has("Boot_DEBUG:"), has("xlog_status:"), has("DEBUG:"), has("BUG: no syscalls can create resource")) },
  {
    header: "WARNING:",
    suppressed: any(
      has("WARNING: /etc/ssh/moduli does not exist, using fixed modulus"),
      has("WARNING: workqueue cpumask: online intersect > possible intersect"),
      has("WARNING: The mand mount option"),
      has("WARNING: the mand mount option"),
      has("WARNING: Unsupported flag value(s) of 0x%x in DT_FLAGS_1"),
      has("WARNING: Unprivileged eBPF is enabled with eIBRS"),
      fbconSize,
      mitigation,
      has("WARNING: kernel not compiled with CPU_SRSO"),
      ext4Message,
      usesDeprecated,
      xfsWarning,
    ),
  },
  {
    header: "INFO:",
    suppressed: any(
      has("INFO: lockdep is turned off"),
      has("INFO: Stall ended before state dump start"),
      has("INFO: NMI handler"),
      has("INFO: recovery required on readonly filesystem"),
      then("handler", "took too long"),
      then("interrupt", "took too long"),
      then("INFO: sys_", " is not present in /proc/kallsyms"),
      has("INFO: no syscalls can create resource"),
      has("rmt_storage:INFO:"),
      has("_INFO:"),
    ),
  },
  { header: "Unable to handle kernel" },
  { header: "general protection fault", suppressed: gpfInUser },
  { header: "stack segment: " },
  { header: "Kernel panic" },
  { header: "PANIC: double fault" },
  { header: "rust_kernel: panicked" },
  { header: "kernel BUG" },
  { header: "Kernel BUG" },
  { header: "BUG kmalloc-" },
  { header: "divide error:" },
  { header: "divide_error:" },
  { header: "invalid opcode:" },
  { header: "int3:" },
  { header: "UBSAN:" },
  { header: "Booting the kernel.", suppressed: any(has("Parsing ELF"), has("Decompressing Linux"), has("Unknown parameter '")) },
  { header: "unregister_netdevice: waiting for" },
  { header: "VFS: Close: file count is 0" },
  { header: "VFS: Busy inodes after unmount" },
  { header: "Internal error:" },
  { header: "Unhandled fault:" },
  { header: "Alignment trap:" },
  { header: "trusty: panic" },
  { header: "SYZFAIL:" },
  { header: "SYZFATAL:" },
  { header: "panic:", suppressed: any(has("_panic:"), has("xlog_status:"), has("ddb.onpanic:"), has("evtlog_status:")) },
  // Go runtime errors (syzkaller's groupGoRuntimeErrors, last of linuxOopses)
  { header: "fatal error:", suppressed: any(has("ALSA"), has("fatal error: cannot create timer")) },
];

/** Does the line start a report (hold an oops header that is not suppressed)? */
export function isOopsLine(line: string): boolean {
  return OOPSES.some((o) => line.includes(o.header) && !(o.suppressed?.(line) ?? false));
}
