// The crash report's section of the bisection page: its frames in report order, each with its
// normalised path, source link, and whether it is the guilty frame or in a file the culprit
// changed; and which of its lines the page shows raw. Pure.
import type { BisectionDetail } from "@/lib/data/bisection";
import { normalisePath } from "@/lib/domain/paths";
import { FP } from "@/lib/parser/patterns";
import { sourceUrl } from "@/lib/format";
import type { GuiltyRouteDetail } from "@/lib/validations/judge-detail";
import { frameSections, functionColumnWidth, type FrameSectionView } from "./frames";
import type { PageFrame } from "./types";

export interface FrameView extends PageFrame {
  /** the source path, normalised as the judge compares it (lib/domain/paths.ts) */
  path: string | null;
  /** the source at the found (or start) commit */
  source: string | null;
  guilty: boolean;
  /** in a file the culprit changed */
  touched: boolean;
}

/** Lines of the raw report shown on the page; a longer one (a lockdep report can run to
 *  thousands of lines) is linked whole in the log rather than sent to every reader. */
export const RAW_SHOWN = 400;

/** The log lines of the report the page shows: [line, last shown line]. */
export function shownReportLines(line: number, endLine: number): [number, number] {
  return [line, Math.min(endLine, line + RAW_SHOWN - 1)];
}

/** Frames the page lists; a report with more (the corpus's most is 806, a lockdep report with
 *  every task's stack) lists these, in report order, and links the rest in the log. */
export const PAGE_FRAMES = 300;

export interface CrashView {
  id: string;
  title: string;
  header: string | null;
  line: number;
  endLine: number;
  /** the report's lines the page shows raw (read from the log), and how many more there are */
  shown: [number, number];
  cut: number;
  guilty: GuiltyRouteDetail | null;
  /** the function of the frame the guilty file was read from */
  guiltyFunction: string | null;
  empty: boolean;
  sections: FrameSectionView<FrameView>[];
  /** characters of the widest `function+off/size`: the function column of every frame */
  functionWidth: number;
  /** the frames past PAGE_FRAMES, left to the log: how many and their log lines; null when none */
  moreFrames: { count: number; listed: number; from: number; to: number } | null;
}

export function crashView(b: BisectionDetail): CrashView | null {
  const c = b.crash;
  if (!c) return null;
  // source links at the found commit (else the start), frames in files it changed marked
  const at = b.foundCommit?.hash ?? b.startCommitHash;
  const touched = new Set((b.foundCommit?.files ?? []).map((f) => normalisePath(f.path)));
  const listed = b.frames.length > PAGE_FRAMES ? b.frames.slice(0, PAGE_FRAMES) : b.frames;
  const rest = b.frames.slice(PAGE_FRAMES);
  const frames = listed.map((f): FrameView => {
    const path = f.file === null ? null : normalisePath(f.file);
    return { ...f, path, source: path === null ? null : sourceUrl(path, at, f.line), guilty: c.guiltyFrame === f.position, touched: path !== null && touched.has(path) };
  });
  const guilty = b.judgeDetail?.guilty ?? null;
  const from = guilty?.frame === null || guilty?.frame === undefined ? null : frames.find((f) => f.position === guilty.frame);
  const shown = shownReportLines(c.line, c.endLine);
  return {
    id: b.id,
    title: c.signature.title,
    header: c.header,
    line: c.line,
    endLine: c.endLine,
    shown,
    cut: c.endLine - shown[1],
    guilty,
    guiltyFunction: from?.function ?? null,
    empty: frames.length === 0,
    sections: frameSections(frames),
    functionWidth: functionColumnWidth(frames),
    moreFrames: rest.length === 0 ? null : { count: rest.length, listed: PAGE_FRAMES, from: rest.reduce((m, f) => Math.min(m, f.logLine), Infinity), to: rest.reduce((m, f) => Math.max(m, f.logLine), 0) },
  };
}


/** The report's prose around its oops headline, which the frames do not carry: the WARN()
 *  message printed between `[ cut here ]` and `WARNING: CPU: ...`, and the lines that follow a
 *  headline before the machine state starts (`Read of size 8 at addr ... by task ...`,
 *  `KASAN: null-ptr-deref in range ...`, `shift exponent 64 is too large ...`). Reads at most
 *  the report's first HEADLINE_SCAN lines, two lines each side. Read on the server (the page
 *  passes it to the client StackTrace), so the parser's patterns stay out of the browser. */
export interface HeadlineContext {
  before: string[];
  after: string[];
}

export function headlineContext(rawReport: string, header: string | null): HeadlineContext {
  const none = { before: [], after: [] };
  if (!header) return none;
  const lines = rawReport.split("\n", HEADLINE_SCAN).map(withoutConsole);
  const h = lines.findIndex((l) => l.trimStart() === header);
  if (h < 0) return none;
  const before: string[] = [];
  let i = h - 1;
  for (; i >= 0 && before.length < 2 && isProse(lines[i]); i--) before.unshift(lines[i]);
  const after: string[] = [];
  // the same headline again, once for each inline frame (the seed's `WARNING: CPU: 0 PID: 8762 at
  // ...` twice, KASAN's `BUG: KASAN: null-ptr-deref in <fn> [inline]` four times): the headline up
  // to its ` at ` or ` in ` names them all
  const again = headlineStem(header);
  for (let j = h + 1; j < lines.length && after.length < 2; j++) {
    if (lines[j].startsWith(again)) continue;
    if (!isProse(lines[j])) break;
    // another CPU's printk in the middle of the report (syzkaller's network set-up) is skipped
    if (CONSOLE_NOISE.test(lines[j])) continue;
    after.push(lines[j]);
  }
  return { before: i >= 0 && lines[i].trim() === CUT_HERE ? before : [], after };
}

const HEADLINE_SCAN = 80;
/** The headline up to and with its first ` at ` or ` in `, else its first 40 characters. */
function headlineStem(header: string): string {
  const cut = [header.indexOf(" at "), header.indexOf(" in ")].filter((i) => i > 0);
  return cut.length > 0 ? header.slice(0, Math.min(...cut) + 4) : header.slice(0, 40);
}
/** Console lines of the test machine's own network set-up that other CPUs print into a report. */
const CONSOLE_NOISE = /^(?:IPv6: ADDRCONF|IPv4: |batman_adv: |8021q: |bridge\d*: |bond\d+: |team\d+: |hsr\w*: |netdevsim\w*|wlan\d+: |device \S+ (?:entered|left) |NOHZ: |audit: |kauditd_printk_skb|[A-Z0-9]+(?:-fs)? \(device loop\d+\): )/;
const CUT_HERE = "------------[ cut here ]------------";
/** A line without the console's `[  12.345678][ T123] ` of old reports (the parser's own
 *  pattern; it reads the headline without it), and without trailing blanks. */
function withoutConsole(line: string): string {
  const t = line.trimStart();
  const m = t.charCodeAt(0) === 91 /* [ */ ? FP.console.re.exec(t) : null;
  return (m ? t.slice(m[0].length) : line).trimEnd();
}
/** Lines that start the machine state, a stack or a banner: where the prose ends. */
const NOT_PROSE = /^(?:CPU:|Hardware name:|RIP:|IP: |PGD |DS: |Code:|Modules linked in|Call [Tt]race|RSP:|RAX:|RDX:|RBP:|R\d+:|FS:|CS:|CR2:|DR\d:|Stack:|Workqueue:|Kernel panic|pc :|lr :|sp :|x\d+ :|Allocated by|Freed by|The buggy address|Memory state|#\d+:|\d+ locks? held|[=\-*]{5,})|Not tainted|Tainted: /;
/** A line of the report's prose: not indented (a frame, a register dump), not machine state. */
function isProse(line: string): boolean {
  const c = line.charCodeAt(0);
  return line.length > 0 && c !== 32 && c !== 9 && !line.startsWith("crash: ") && !NOT_PROSE.test(line);
}
