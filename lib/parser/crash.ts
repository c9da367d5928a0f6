// The crash report after `crash: <title>` (§8): runs to the end of the log and is never
// classified as log lines. Reads the oops headline and one flat list of frames, in report
// order, with their stack section (`Call Trace:`, KASAN `Allocated by task N:` ...) and
// context (`<IRQ>` ... `</IRQ>`). Register dumps inside a trace do not end it; `RIP: 0033:`
// (user space) does. Lines of other tasks interleaved are skipped.
import { FP, MAX_MATCH } from "./patterns";
import { frameAt, isBlank, skipBlanks, stripEnd } from "./frames";
import { isJsSpace } from "./linear";
import type { CrashReport, Frame, FrameSection, LineProbe } from "./types";

const SOURCE_LINE = /\.(?:c|h|S|rs|cc):-?\d/;

/** The open `<IRQ>`-style contexts, innermost last, kept as runs of one name: a report line of
 *  800 nested `<IRQ>` is one entry, not 800 (a stack of 400,000 names cost more than its text). */
class Contexts {
  private names: string[] = [];
  private counts: number[] = [];

  top(): string | null {
    return this.names.length > 0 ? this.names[this.names.length - 1] : null;
  }

  push(name: string): void {
    const last = this.names.length - 1;
    if (last >= 0 && this.names[last] === name) this.counts[last]++;
    else {
      this.names.push(name);
      this.counts.push(1);
    }
  }

  /** Drops the innermost `name` and every context opened inside it (none: nothing). */
  close(name: string): void {
    const at = this.names.lastIndexOf(name);
    if (at < 0) return;
    const keep = this.counts[at] > 1 ? at + 1 : at;
    if (keep > at) this.counts[at]--;
    this.names.length = keep;
    this.counts.length = keep;
  }

  clear(): void {
    this.names.length = 0;
    this.counts.length = 0;
  }
}

interface Cursor {
  frames: Frame[];
  section: FrameSection | null;
  contexts: Contexts;
  /** the next arm32 backtrace line is the first of its trace (its callee is a frame too) */
  arm32First: boolean;
}

function ctx(c: Cursor): string | null {
  return c.contexts.top();
}

function push(c: Cursor, text: string, pos: number, section: FrameSection, ln: number): boolean {
  const f = frameAt(text, pos, false, section, ln, ctx(c));
  if (f === null) return false;
  c.frames.push(f);
  return true;
}

function startSection(c: Cursor, section: FrameSection): void {
  c.section = section;
  c.contexts.clear();
  c.arm32First = true;
}

/** `<IRQ>` / `</IRQ>` / `<EOI>` markers at `pos`; returns the position after them. */
function markers(c: Cursor, t: string, pos: number): number {
  let p = pos;
  for (;;) {
    const close = t.charCodeAt(p + 1) === 47; /* / */
    const from = close ? p + 2 : p + 1;
    const end = markerName(t, p, from);
    if (end < 0) return p;
    const name = contextName(t, from, end);
    if (close) c.contexts.close(name);
    else if (name === "EOI") c.contexts.close("IRQ");
    else c.contexts.push(name);
    p = end + 1;
    while (p < t.length && isJsSpace(t.charCodeAt(p))) p++;
  }
}

/** FP.context `<(\/?)([A-Z#_][A-Z0-9#_]*)>` at `p` (the name from `from`): the index of its `>`,
 *  or -1. Scanned by hand: a line of 800 markers would make 800 match arrays. */
function markerName(t: string, p: number, from: number): number {
  if (t.charCodeAt(p) !== 60 /* < */) return -1;
  let i = from;
  for (; i < t.length; i++) {
    const ch = t.charCodeAt(i);
    const upper = (ch >= 65 && ch <= 90) || ch === 35 || ch === 95; // A-Z # _
    if (!upper && (i === from || ch < 48 || ch > 57)) break;
  }
  return i > from && t.charCodeAt(i) === 62 /* > */ ? i : -1;
}

const COMMON_CONTEXTS = ["IRQ", "TASK", "NMI", "EOI", "SOFTIRQ"];

/** The marker's name; the common ones without a copy. */
function contextName(t: string, from: number, end: number): string {
  for (const name of COMMON_CONTEXTS) if (end - from === name.length && t.startsWith(name, from)) return name;
  return t.slice(from, end);
}

function arm32Line(c: Cursor, t: string, ln: number): boolean {
  const m = FP.arm32.re.exec(t);
  if (!m) return false;
  const section = c.section ?? "call-trace";
  if (c.arm32First) {
    const callee = frameAt(m[1], 0, true, section, ln, ctx(c));
    if (callee) c.frames.push(callee);
    c.arm32First = false;
  }
  const caller = frameAt(m[2], 0, false, section, ln, ctx(c));
  if (caller) c.frames.push(caller);
  return true;
}

function reportLine(c: Cursor, raw: string, ln: number, report: CrashReport): void {
  const full = raw.length > MAX_MATCH ? raw.slice(0, MAX_MATCH) : raw;
  let pos = skipBlanks(full);
  if (pos === full.length) return;
  if (full.charCodeAt(pos) === 91 /* [ */ && full.charCodeAt(pos + 1) === 32) {
    const p = FP.console.re.exec(full.slice(pos));
    if (p) pos = skipBlanks(full, pos + p[0].length);
  }
  const t = pos === 0 ? full : full.slice(pos);
  const c0 = t.charCodeAt(0);
  let m: RegExpExecArray | null;
  const isHeader = report.header === null && FP.header.re.test(t);
  if (isHeader) report.header = t;
  if (c0 === 60 /* < */) {
    const after = markers(c, t, 0);
    if (after < t.length) push(c, t, after, c.section ?? "other-stack", ln);
    return;
  }
  if (t.includes("</")) {
    const e = FP.contextEnd.re.exec(t);
    if (e) markers(c, t, e.index);
  }
  if ((c0 === 67 || c0 === 66) && (m = FP.callTrace.re.exec(t))) {
    startSection(c, "call-trace");
    if (m[0].length < t.length) push(c, t, markers(c, t, m[0].length), "call-trace", ln);
    return;
  }
  if (c0 === 65 && FP.allocated.re.test(t)) return startSection(c, "allocated");
  if (c0 === 70 && FP.freed.re.test(t)) return startSection(c, "freed");
  // R(IP) E(IP) I(P) N(IP); p(c :) l(r :) P(C is at) L(R is at)
  const ripLike = c0 === 82 || c0 === 69 || c0 === 73 || c0 === 78;
  if (ripLike && (m = FP.rip.re.exec(t))) {
    if (m[1] === "0033") {
      c.section = null; // user space: the task stack ends here
      return;
    }
    push(c, t, m[0].length, "rip", ln);
    return;
  }
  if ((c0 === 112 || c0 === 108 || c0 === 80 || c0 === 76) && (m = FP.pcLr.re.exec(t))) {
    push(c, t, m[0].length, "rip", ln);
    return;
  }
  if (c0 === 87 && (m = FP.warningAt.re.exec(t))) {
    push(c, t, m[0].length, "header", ln);
    return;
  }
  if (c0 === 66 && (m = FP.bugIn.re.exec(t))) {
    push(c, t, m[0].length, "header", ln);
    return;
  }
  if (c0 === 91 /* [ */ && t.includes(") from [<")) {
    if (arm32Line(c, t, ln)) return;
  }
  if ((c0 === 104 || c0 === 115) && (m = FP.irqsLast.re.exec(t))) {
    push(c, t, m[0].length, c.section ?? "other-stack", ln);
    return;
  }
  if (!mayHoldFrame(t)) {
    if (t.charCodeAt(t.length - 1) === 58 /* : */ && FP.otherStack.re.test(t)) startSection(c, "other-stack");
    return;
  }
  if (push(c, t, 0, c.section ?? "other-stack", ln)) return;
  if ((m = FP.labelled.re.exec(t)) && push(c, t, m[0].length, isHeader ? "header" : (c.section ?? "other-stack"), ln)) return;
}

/** Cheap pre-check: a frame has `+0x` or a `path.c:line` (the old offset-less form). */
function mayHoldFrame(t: string): boolean {
  if (t.includes("+0x")) return true;
  // `.c:`, `.h:` or `.S:` somewhere, found by its colon, before the regex runs
  for (let p = t.indexOf(":", 2); p >= 0; p = t.indexOf(":", p + 1)) {
    const ext = t.charCodeAt(p - 1);
    if ((ext === 99 || ext === 104 || ext === 83) && t.charCodeAt(p - 2) === 46) return SOURCE_LINE.test(t);
  }
  return false;
}

/** Reads the report body: lines[from..] (0-based) of the log, after the `crash:` line. */
export function parseCrash(lines: string[], from: number, title: string, crashLine: number, probe: LineProbe | null = null): CrashReport {
  const report: CrashReport = { title, line: crashLine, endLine: crashLine, header: null, frames: [], guiltyFile: null, guiltyFrame: null };
  const c: Cursor = { frames: report.frames, section: null, contexts: new Contexts(), arm32First: true };
  for (let i = from; i < lines.length; i++) {
    const raw = stripEnd(lines[i]);
    if (raw.length === 0 || isBlank(raw)) {
      if (probe !== null) probe("blank");
      continue;
    }
    report.endLine = i + 1;
    const n = c.frames.length;
    reportLine(c, raw, i + 1, report);
    if (probe !== null) probe(c.frames.length > n ? "report: frame" : "report: other");
  }
  return report;
}
