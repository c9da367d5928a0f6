// Small hand-written cause- and fix-bisection logs for the tests, in the real log format (E5
// era, as in the seed fixture; fix logs as in the 2022 synthetic fix fixture), so they go
// through the real parser.
import type { GitVerdict } from "@/lib/domain/words";

export interface StepSpec {
  verdict: GitVerdict;
  /** one string: an `all runs:` line; an array: `run #N:` lines */
  runs: string | string[];
  subject?: string;
}

export interface CulpritSpec {
  subject: string;
  message?: string;
  files: string[];
  created?: string[];
  merge?: boolean;
  /** culprit and parent build the same kernel */
  noop?: boolean;
}

export interface LogSpec {
  start: string | string[];
  /** releases tested before the good v5.11, newest first, each with its runs (they crashed) */
  releases?: (string | string[])[];
  steps: StepSpec[];
  culprit?: CulpritSpec;
  crash?: { title: string; report: string };
  /** git's `Bisecting: N revisions left` before each step (default: powers of two) */
  left?: number[];
}

export const hash = (n: number) => n.toString(16).padStart(2, "0").repeat(20);
const sig = (n: number) => (n + 0x80).toString(16).repeat(32);
const GCC = "gcc (GCC) 10.2.1 20210217";

function runLines(runs: string | string[]): string[] {
  return typeof runs === "string" ? [`all runs: ${runs}`] : runs.map((r, i) => `run #${i}: ${r}`);
}

export function buildLog(spec: LogSpec): string {
  const start = hash(1);
  const good = hash(2);
  const out = [`bisecting cause commit starting from ${start}`, `building syzkaller on ${"9".repeat(40)}`];
  out.push(`testing commit ${start} with ${GCC}`, `kernel signature: ${sig(1)}`, ...runLines(spec.start));
  (spec.releases ?? []).forEach((runs, i, all) => {
    out.push(`testing release v5.${11 + all.length - i}`, `testing commit ${hash(0xa0 + i)} with ${GCC}`, `kernel signature: ${sig(0x60 + i)}`, ...runLines(runs));
  });
  out.push("testing release v5.11", `testing commit ${good} with ${GCC}`, `kernel signature: ${sig(2)}`, "all runs: OK");
  out.push(`# git bisect start ${start} ${good}`);
  const lastBad = spec.steps.map((s) => s.verdict).lastIndexOf("bad");
  spec.steps.forEach((s, i) => {
    const h = hash(i + 3);
    const subject = i === lastBad && spec.culprit ? spec.culprit.subject : (s.subject ?? `foo: change ${i}`);
    out.push(`Bisecting: ${spec.left?.[i] ?? 2 ** (spec.steps.length - i)} revisions left to test after this (roughly ${spec.steps.length - i} steps)`);
    out.push(`[${h}] ${subject}`, "");
    const signature = spec.culprit?.noop && i === lastBad + 1 ? sig(lastBad + 3) : sig(i + 3);
    out.push(`testing commit ${h} with ${GCC}`, `kernel signature: ${signature}`, ...runLines(s.runs));
    out.push(`# git bisect ${s.verdict} ${h}`);
  });
  if (!spec.culprit || lastBad < 0) return out.join("\n") + "\n";
  const c = spec.culprit;
  const h = hash(lastBad + 3);
  out.push(`${h} is the first bad commit`, `commit ${h}`);
  if (c.merge) out.push("Merge: 1234567 89abcde");
  out.push("Author: Ann Dev <ann@example.org>", "Date:   Mon Jan 11 15:37:07 2021 +0000", "", `    ${c.subject}`, "    ");
  for (const l of (c.message ?? "Fix things.").split("\n")) out.push(`    ${l}`);
  out.push("    ", "    Signed-off-by: Ann Dev <ann@example.org>", "");
  for (const f of c.files) out.push(` ${f} | 4 ++++`);
  out.push(` ${c.files.length} files changed, ${4 * c.files.length} insertions(+)`);
  for (const f of c.created ?? []) out.push(` create mode 100644 ${f}`);
  out.push("");
  if (!c.merge) {
    const parentSig = c.noop ? sig(lastBad + 3) : sig(lastBad + 4);
    out.push(`culprit signature: ${sig(lastBad + 3)}`, `parent  signature: ${parentSig}`);
  }
  out.push("revisions tested: 6, total time: 1h2m3.5s (build: 30m1s, test: 30m2s)");
  out.push(`first bad commit: ${h} ${c.subject}`, 'recipients (to): ["ann@example.org"]', "recipients (cc): []");
  if (spec.crash) out.push(`crash: ${spec.crash.title}`, spec.crash.report, "");
  return out.join("\n") + "\n";
}

/** A KASAN report whose guilty frame is `fn` in `file`. */
export function kasanReport(fn: string, file: string): string {
  return `==================================================================
BUG: KASAN: use-after-free in ${fn}+0x1d/0x20 ${file}:42
Read of size 8 at addr ffff888012345678 by task syz-executor.0/8762

CPU: 0 PID: 8762 Comm: syz-executor.0 Not tainted 5.11.0-rc2-syzkaller #0
Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 01/01/2011
Call Trace:
 __dump_stack lib/dump_stack.c:79 [inline]
 dump_stack+0x107/0x163 lib/dump_stack.c:120
 print_address_description.constprop.0.cold+0x5b/0x2f8 mm/kasan/report.c:230
 __kasan_report mm/kasan/report.c:396 [inline]
 kasan_report.cold+0x79/0xd5 mm/kasan/report.c:413
 ${fn}+0x1d/0x20 ${file}:42
 foo_ioctl+0x50/0x80 drivers/foo/core.c:100
 vfs_ioctl fs/ioctl.c:48 [inline]
 __do_sys_ioctl fs/ioctl.c:753 [inline]
 __se_sys_ioctl fs/ioctl.c:739 [inline]
 __x64_sys_ioctl+0x193/0x200 fs/ioctl.c:739
 do_syscall_64+0x2d/0x70 arch/x86/entry/common.c:46
 entry_SYSCALL_64_after_hwframe+0x44/0xa9
RIP: 0033:0x45e219
==================================================================`;
}

/** The clean baseline: one bug all along, the culprit changes the crashing file. */
export const CLEAN: LogSpec = {
  start: "crashed: KASAN: use-after-free Read in foo_bar",
  steps: [
    { verdict: "bad", runs: "crashed: KASAN: use-after-free Read in foo_bar" },
    { verdict: "good", runs: "OK" },
    { verdict: "bad", runs: "crashed: KASAN: use-after-free Read in foo_bar" },
    { verdict: "good", runs: "OK" },
  ],
  culprit: { subject: "foo: add bar handling", files: ["drivers/foo/bar.c"] },
  crash: { title: "KASAN: use-after-free Read in foo_bar", report: kasanReport("foo_bar", "drivers/foo/bar.c") },
};

export function variant(patch: Partial<LogSpec>, culprit: Partial<CulpritSpec> = {}): string {
  return buildLog({ ...CLEAN, ...patch, culprit: { ...(CLEAN.culprit as CulpritSpec), ...culprit } });
}

/** A fix-bisection step, in the words of what happened: the builder writes git's inverted word
 *  (`good` for a step that crashed, `bad` for one that did not). */
export interface FixStepSpec {
  crashed: boolean | "skip";
  runs: string | string[];
  subject?: string;
}

export interface FixLogSpec {
  start: string | string[];
  /** runs on current HEAD (default: all OK) */
  head?: string | string[];
  steps: FixStepSpec[];
  /** the found fix: the last step that did not crash */
  fix?: CulpritSpec;
}

const COMPILER = "compiler: gcc (GCC) 10.2.1 20210217, GNU ld (GNU Binutils for Debian) 2.35.2";

export function buildFixLog(spec: FixLogSpec): string {
  const start = hash(1);
  const head = hash(2);
  const out = [`bisecting fixing commit since ${start}`, `building syzkaller on ${"9".repeat(40)}`];
  out.push(`testing commit ${start}`, COMPILER, `kernel signature: ${sig(1)}`, ...runLines(spec.start));
  out.push(`testing current HEAD ${head}`, `testing commit ${head}`, COMPILER, `kernel signature: ${sig(2)}`, ...runLines(spec.head ?? "OK"));
  out.push(`# git bisect start ${head} ${start}`);
  const lastClean = spec.steps.map((s) => s.crashed).lastIndexOf(false);
  spec.steps.forEach((s, i) => {
    const h = hash(i + 3);
    const subject = i === lastClean && spec.fix ? spec.fix.subject : (s.subject ?? `foo: change ${i}`);
    out.push(`Bisecting: ${2 ** (spec.steps.length - i)} revisions left to test after this (roughly ${spec.steps.length - i} steps)`);
    out.push(`[${h}] ${subject}`, "");
    out.push(`testing commit ${h}`, COMPILER, `kernel signature: ${sig(i + 3)}`, ...runLines(s.runs));
    out.push(`# git bisect ${s.crashed === "skip" ? "skip" : s.crashed ? "good" : "bad"} ${h}`);
  });
  if (!spec.fix || lastClean < 0) return out.join("\n") + "\n";
  const c = spec.fix;
  const h = hash(lastClean + 3);
  out.push(`${h} is the first bad commit`, `commit ${h}`);
  if (c.merge) out.push("Merge: 1234567 89abcde");
  out.push("Author: Ann Dev <ann@example.org>", "Date:   Tue Mar 1 11:42:53 2022 +0100", "", `    ${c.subject}`, "    ");
  for (const l of (c.message ?? "Fix things.").split("\n")) out.push(`    ${l}`);
  out.push("    ", "    Signed-off-by: Ann Dev <ann@example.org>", "");
  for (const f of c.files) out.push(` ${f} | 4 ++++`);
  out.push(` ${c.files.length} files changed, ${4 * c.files.length} insertions(+)`, "");
  if (!c.merge) out.push(`culprit signature: ${sig(lastClean + 3)}`, `parent  signature: ${c.noop ? sig(lastClean + 3) : sig(lastClean + 4)}`);
  out.push("revisions tested: 6, total time: 1h2m3.5s (build: 30m1s, test: 30m2s)");
  out.push(`first good commit: ${h} ${c.subject}`, 'recipients (to): ["ann@example.org"]', "recipients (cc): []");
  return out.join("\n") + "\n";
}

/** The clean fix baseline: one bug until the fix, which changes the crashing file. */
export const CLEAN_FIX: FixLogSpec = {
  start: "crashed: KASAN: use-after-free Read in foo_bar",
  steps: [
    { crashed: false, runs: "OK" },
    { crashed: true, runs: "crashed: KASAN: use-after-free Read in foo_bar" },
    { crashed: false, runs: "OK" },
    { crashed: true, runs: "crashed: KASAN: use-after-free Read in foo_bar" },
  ],
  fix: { subject: "foo: fix bar handling", files: ["drivers/foo/bar.c"] },
};
