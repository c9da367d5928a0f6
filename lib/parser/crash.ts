// The crash report after `crash: <title>` (§8): runs to the end of the log and is never
// classified as log lines. Reads the oops headline and one flat list of frames, in report
// order, with their stack section (`Call Trace:`, KASAN `Allocated by task N:` ...) and
// context (`<IRQ>` ... `</IRQ>`). Register dumps inside a trace do not end it; `RIP: 0033:`
// (user space) does. Lines of other tasks interleaved are skipped.
import { FP, MAX_MATCH } from "./patterns";
import { frame, parseFrameBody, skipBlanks } from "./frames";
import type { CrashReport, Frame, FrameSection } from "./types";

const OTHER_STACK = FP.otherStack.re;
const LABELLED = FP.labelled.re;
const SOURCE_LINE = /\.(?:c|h|S|rs|cc):-?\d/;

interface Cursor {
  frames: Frame[];
  section: FrameSection | null;
  contexts: string[];
  /** the next arm32 backtrace line is the first of its trace (its callee is a frame too) */
  arm32First: boolean;
}

function ctx(c: Cursor): string | null {
  return c.contexts.length > 0 ? c.contexts[c.contexts.length - 1] : null;
}

function push(c: Cursor, text: string, pos: number, section: FrameSection, ln: number): boolean {
  const body = parseFrameBody(text, pos);
  if (!body) return false;
  c.frames.push(frame(body, section, ln, ctx(c)));
  return true;
}

function startSection(c: Cursor, section: FrameSection): void {
  c.section = section;
  c.contexts.length = 0;
  c.arm32First = true;
}

/** `<IRQ>` / `</IRQ>` / `<EOI>` markers at `pos`; returns the position after them. */
function markers(c: Cursor, t: string, pos: number): number {
  let p = pos;
  for (;;) {
    if (t.charCodeAt(p) !== 60 /* < */) return p;
    const re = FP.context.re;
    const m = re.exec(p === 0 ? t : t.slice(p));
    if (!m) return p;
    if (m[1] === "/") {
      const at = c.contexts.lastIndexOf(m[2]);
      if (at >= 0) c.contexts.length = at;
    } else if (m[2] === "EOI") {
      const at = c.contexts.lastIndexOf("IRQ");
      if (at >= 0) c.contexts.length = at;
    } else c.contexts.push(m[2]);
    p += m[0].length;
  }
}

function arm32Line(c: Cursor, t: string, ln: number): boolean {
  const m = FP.arm32.re.exec(t);
  if (!m) return false;
  const section = c.section ?? "call-trace";
  if (c.arm32First) {
    const callee = parseFrameBody(m[1], 0, true);
    if (callee) c.frames.push(frame(callee, section, ln, ctx(c)));
    c.arm32First = false;
  }
  const caller = parseFrameBody(m[2], 0);
  if (caller) c.frames.push(frame(caller, section, ln, ctx(c)));
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
  if (isHeader) report.header = t.trimEnd();
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
  if ((m = FP.rip.re.exec(t))) {
    if (m[1] === "0033") {
      c.section = null; // user space: the task stack ends here
      return;
    }
    push(c, t, m[0].length, "rip", ln);
    return;
  }
  if ((m = FP.pcLr.re.exec(t))) {
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
    if (t.charCodeAt(t.length - 1) === 58 /* : */ && OTHER_STACK.test(t)) startSection(c, "other-stack");
    return;
  }
  if (push(c, t, 0, c.section ?? "other-stack", ln)) return;
  if ((m = LABELLED.exec(t)) && push(c, t, m[0].length, isHeader ? "header" : (c.section ?? "other-stack"), ln)) return;
}

/** Cheap pre-check: a frame has `+0x` or a `path.c:line` (the old offset-less form). */
function mayHoldFrame(t: string): boolean {
  return t.includes("+0x") || SOURCE_LINE.test(t);
}

/** Reads the report body: lines[from..] (0-based) of the log, after the `crash:` line. */
export function parseCrash(lines: string[], from: number, title: string, crashLine: number): CrashReport {
  const report: CrashReport = { title, line: crashLine, endLine: crashLine, header: null, frames: [], guiltyFile: null, guiltyFrame: null };
  const c: Cursor = { frames: report.frames, section: null, contexts: [], arm32First: true };
  for (let i = from; i < lines.length; i++) {
    let raw = lines[i];
    if (raw.charCodeAt(raw.length - 1) === 13) raw = raw.slice(0, -1);
    if (raw.trim() === "") continue;
    report.endLine = i + 1;
    reportLine(c, raw, i + 1, report);
  }
  return report;
}
