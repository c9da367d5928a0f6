// The guilty file as syzbot routes a report (google/syzkaller pkg/report/linux.go,
// extractGuiltyFile; reimplemented): scan the report text line by line, in order, and take the
// first `path:line` whose file is not on the ignore list and whose line is not a lockdep
// held-lock or irq-state line; if every file is ignored, the first file at all (so the report
// still reaches somebody). Then, below it, a file in a deeper directory under the guilty file's
// own directory takes over (`fs/ntfs3/super.c` over `fs/inode.c`), repeatedly. For RCU stalls
// the scan starts at the interrupt entry (`apic_timer_interrupt+0x`, `el1h_64_irq+0x`,
// `Exception stack`), since everything above it is the stall detector. The scan starts at the
// oops line: the few console lines syzbot prints before it are context (lib/analysis/oops-start.ts).
//
// With the log's text the scan reads the report lines themselves; without it (callers that only
// have the parse) it reads the parsed frames in log order, which lack the lines that are not
// frames and cannot tell a held-lock line from a stack line.
import { unique } from "@/lib/unique";
import { normalisePath } from "@/lib/domain/paths";
import { FRAME_SECTION } from "@/lib/domain/words";
import { FP } from "@/lib/parser/patterns";
import type { CrashReport } from "@/lib/parser/types";
import { isOopsLine } from "./oops-start";
import { cleanPath, dirOf, fileOfLine, ignoredFile, ignoredLine, isDeeperSuffix, treePath } from "./guilty-rules";
import type { GuiltyFrame, GuiltySkip } from "./types";

const RCU_ANCHORS = ["apic_timer_interrupt+0x", "el1h_64_irq+0x", "Exception stack"];
const MAX_LINE = 4096;
const MAX_SKIPS = 12;

interface ReportLine {
  text: string;
  /** 1-based log line */
  line: number;
}


/** The report's rows from the oops line down, and that line when the rows before it named a file. */
function reportLines(crash: CrashReport, lines: string[] | null): { rows: ReportLine[]; oopsLine: number | null } {
  if (lines) {
    const out: ReportLine[] = [];
    for (let i = crash.line; i < Math.min(crash.endLine, lines.length); i++) {
      let t = lines[i].length > MAX_LINE ? lines[i].slice(0, MAX_LINE) : lines[i];
      if (t.charCodeAt(0) === 91 /* [ */) {
        // the console prefix of old reports (`[  246.107021][ T1234] `, the parser's pattern):
        // syzkaller strips it before it reads the report, so `#0: ...` held-lock lines start the line
        const m = FP.console.re.exec(t);
        if (m) t = t.slice(m[0].length);
      }
      out.push({ text: t, line: i + 1 });
    }
    // the lines printed before the oops are context, not the report syzbot routes
    const oops = out.findIndex((r) => isOopsLine(r.text));
    if (oops <= 0) return { rows: out, oopsLine: null };
    const named = out.slice(0, oops).some((r) => fileOfLine(r.text) !== null);
    return { rows: out.slice(oops), oopsLine: named ? out[oops].line : null };
  }
  // frames stand in for their lines: `file:line` is what the scan reads from each
  const rows = crash.frames
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.logLine - b.f.logLine || a.i - b.i)
    .filter(({ f }) => f.file !== null)
    .map(({ f }) => ({ text: `${f.function} ${f.file}:${f.line ?? 0}`, line: f.logLine }));
  return { rows, oopsLine: null };
}

function scan(rows: ReportLine[]): Omit<GuiltyFrame, "frameIndex" | "start" | "oopsLine"> | null {
  let guilty: string | null = null;
  let guiltyLine = 0;
  let rule: GuiltyFrame["rule"] = "fallback";
  const skipped: GuiltySkip[] = [];
  let i = 0;
  for (; i < rows.length; i++) {
    const file = fileOfLine(rows[i].text);
    if (file === null) continue;
    if (guilty === null) {
      guilty = file;
      guiltyLine = rows[i].line;
    }
    const why = ignoredFile(file)?.why ?? ignoredLine(rows[i].text);
    if (why !== null) {
      if (skipped.length < MAX_SKIPS && !skipped.some((s) => s.file === file && s.why === why)) skipped.push({ file, line: rows[i].line, why });
      continue;
    }
    guilty = cleanPath(file);
    guiltyLine = rows[i].line;
    rule = "first";
    i++;
    break;
  }
  if (guilty === null) return null;
  const first = guilty;
  let deepest = dirOf(guilty);
  for (; rule !== "fallback" && i < rows.length; i++) {
    const file = fileOfLine(rows[i].text);
    if (file === null || ignoredFile(file) || ignoredLine(rows[i].text)) continue;
    const clean = cleanPath(file);
    if (clean.startsWith(deepest) && isDeeperSuffix(clean.slice(deepest.length))) {
      guilty = clean;
      guiltyLine = rows[i].line;
      deepest = dirOf(clean);
      rule = "deeper";
    }
  }
  return { file: guilty, line: guiltyLine, rule, skipped, over: rule === "deeper" ? first : null };
}

/** The guilty file of a report, where it was read, and what was skipped above it; null when
 *  the report names no source file. `lines`: the log's lines (0-based), when available. */
export function findGuiltyFrame(crash: CrashReport | null, lines: string[] | null = null): GuiltyFrame | null {
  if (!crash) return null;
  const { rows, oopsLine } = reportLines(crash, lines);
  let found: Omit<GuiltyFrame, "frameIndex" | "start" | "oopsLine"> | null = null;
  let start: string | null = null;
  if (crash.title.startsWith("INFO: rcu detected stall")) {
    for (const anchor of RCU_ANCHORS) {
      const at = rows.findIndex((r) => r.text.includes(anchor));
      if (at < 0) continue;
      const from = [{ text: rows[at].text.slice(rows[at].text.indexOf(anchor)), line: rows[at].line }, ...rows.slice(at + 1)];
      found = scan(from);
      if (found) {
        start = anchor.replace(/\+0x$/, "");
        break;
      }
    }
  }
  found ??= scan(rows);
  if (!found) return null;
  const g = found;
  const frameIndex = crash.frames.findIndex((f) => f.logLine === g.line && f.file !== null && cleanPath(treePath(f.file)) === g.file);
  const anyOnLine = frameIndex >= 0 ? frameIndex : crash.frames.findIndex((f) => f.logLine === g.line);
  return { ...g, frameIndex: anyOnLine >= 0 ? anyOnLine : null, start, oopsLine };
}

/** One sentence: which frame the file came from and why the frames above were skipped. */
export function describeGuilty(g: GuiltyFrame): string {
  const parts: string[] = [];
  if (g.oopsLine !== null) parts.push(`read from the oops line (L${g.oopsLine}) down, as syzbot does: the lines printed before it are context`);
  if (g.start) parts.push(`read from the interrupt entry (${g.start}), as syzbot does for RCU stalls`);
  if (g.rule === "fallback") parts.push("every file of the report is on syzbot's ignore list, so the first one is taken");
  if (g.skipped.length > 0 && g.rule !== "fallback") {
    const whys = unique(g.skipped.map((s) => `${s.file} (${s.why})`));
    parts.push(`skipped above it: ${whys.slice(0, 4).join("; ")}${whys.length > 4 ? `; and ${whys.length - 4} more` : ""}`);
  }
  if (g.rule === "deeper" && g.over) parts.push(`a deeper path in the same directory than ${g.over}, which syzbot prefers`);
  if (parts.length === 0) parts.push("the first file of the report");
  return parts.join("; ");
}

/** The guilty file's route as the CLI prints it and the database keeps it. */
export interface GuiltyRoute {
  file: string;
  /** index into the crash's frames, null when the line is no parsed frame */
  frame: number | null;
  /** 1-based log line of the frame */
  line: number;
  rule: GuiltyFrame["rule"];
  skipped: GuiltyFrame["skipped"];
  over: string | null;
  start: string | null;
  oopsLine: number | null;
  /** one sentence: the frame and the rule that skipped the frames above it */
  why: string;
}

export function guiltyRoute(g: GuiltyFrame | null): GuiltyRoute | null {
  return g ? { file: g.file, frame: g.frameIndex, line: g.line, rule: g.rule, skipped: g.skipped, over: g.over, start: g.start, oopsLine: g.oopsLine, why: describeGuilty(g) } : null;
}

/** Files of the crash's own stacks (not allocation/free stacks), normalised, in order. */
export function stackFiles(crash: CrashReport | null, limit = 30): string[] {
  if (!crash) return [];
  const files: string[] = [];
  for (const f of crash.frames) {
    if (f.file && FRAME_SECTION[f.section].crash) files.push(normalisePath(f.file));
    if (files.length >= limit) break;
  }
  return files;
}
