// The CLI's commands. Output: JSON (or NDJSON for several inputs) on stdout; errors on stderr.
import { parseBisectionLog } from "@/lib/parser";
import { findGuiltyFrame, guiltyRoute, judgeBisection, type GuiltyRoute } from "@/lib/analysis";
import type { BisectionLog, CrashReport } from "@/lib/parser/types";
import { LogFileTooLarge, readLogFileSync } from "@/lib/ingest/read-file";
import { expandInputs } from "./inputs";

type Out = (s: string) => void;

type CliLog = BisectionLog & { crash: (CrashReport & { guilty: GuiltyRoute | null }) | null };

/** The parse as the CLI prints it: the parser's result with the guilty frame filled in, read
 *  from the report text the way syzbot routes it (`crash.guilty` says from which frame, and
 *  which rules skipped the frames above it). */
export function parseForCli(text: string): { ok: true; log: CliLog } | { ok: false; reason: string; line: number | null } {
  const res = parseBisectionLog(text);
  if (!res.ok) return res;
  const log = res.log;
  if (!log.crash) return { ok: true, log: { ...log, crash: null } };
  const g = findGuiltyFrame(log.crash, text.split("\n"));
  const crash = { ...log.crash, guiltyFile: g?.file ?? null, guiltyFrame: g?.frameIndex ?? null, guilty: guiltyRoute(g) };
  return { ok: true, log: { ...log, crash } };
}

function readInputs(args: string[], err: Out): string[] | null {
  const { files, missing } = expandInputs(args);
  for (const m of missing) err(`bisectview: ${m}: no such file or directory`);
  if (missing.length) return null;
  if (!files.length) {
    err("bisectview: no input files");
    return null;
  }
  return files;
}

/** The file's text, or why it was not read (over the log limit: its size said before reading). */
function readLog(file: string): { ok: true; text: string } | { ok: false; reason: string } {
  try {
    return { ok: true, text: readLogFileSync(file) };
  } catch (e) {
    if (e instanceof LogFileTooLarge) return { ok: false, reason: e.message };
    throw e;
  }
}

export function cmdParse(args: string[], out: Out, err: Out): number {
  const files = readInputs(args, err);
  if (!files) return 1;
  const batch = files.length > 1 || args.some((a) => a !== files[0]);
  let failed = 0;
  for (const file of files) {
    const read = readLog(file);
    if (!read.ok) {
      if (!batch) {
        err(`bisectview: ${read.reason}`);
        return 1;
      }
      failed++;
      out(JSON.stringify({ file, rejected: true, reason: read.reason, line: null }));
      continue;
    }
    const res = parseForCli(read.text);
    if (!batch) {
      if (!res.ok) {
        err(`bisectview: ${file}: ${res.reason}`);
        return 1;
      }
      out(JSON.stringify(res.log, null, 2));
      return 0;
    }
    if (res.ok) out(JSON.stringify({ file, ...res.log }));
    else {
      failed++;
      out(JSON.stringify({ file, rejected: true, reason: res.reason, line: res.line }));
    }
  }
  return failed ? 1 : 0;
}

export function cmdJudge(args: string[], out: Out, err: Out): number {
  const files = readInputs(args, err);
  if (!files) return 1;
  const batch = files.length > 1 || args.some((a) => a !== files[0]);
  let failed = 0;
  for (const file of files) {
    const read = readLog(file);
    if (!read.ok) {
      failed++;
      if (!batch) {
        err(`bisectview: ${read.reason}`);
        return 1;
      }
      out(JSON.stringify({ file, rejected: true, reason: read.reason }));
      continue;
    }
    const text = read.text;
    const res = parseBisectionLog(text);
    if (!res.ok) {
      failed++;
      if (!batch) {
        err(`bisectview: ${file}: ${res.reason}`);
        return 1;
      }
      out(JSON.stringify({ file, rejected: true, reason: res.reason }));
      continue;
    }
    const j = judgeBisection(res.log, text);
    const row = {
      file,
      verdict: j.verdict,
      headline: j.headline,
      chanceWrong: j.chanceWrong,
      chanceTerms: j.chanceTerms,
      findings: j.findings,
      confidence: j.confidence,
      guilty: guiltyRoute(j.guilty),
      trust: j.trust,
    };
    out(batch ? JSON.stringify(row) : JSON.stringify(row, null, 2));
  }
  return failed ? 1 : 0;
}

export function cmdStats(args: string[], out: Out, err: Out): number {
  const files = readInputs(args, err);
  if (!files) return 1;
  const outcomes = new Map<string, number>();
  const warnings = new Map<string, number>();
  let steps = 0;
  let runs = 0;
  let bytes = 0;
  let rejected = 0;
  let parseMs = 0;
  let unread = 0;
  for (const file of files) {
    const read = readLog(file);
    if (!read.ok) {
      // said at once, counted as rejected, and the exit code says some input was not read
      err(`bisectview: ${read.reason}`);
      unread++;
      rejected++;
      continue;
    }
    const text = read.text;
    bytes += Buffer.byteLength(text);
    const t0 = performance.now();
    const res = parseBisectionLog(text);
    parseMs += performance.now() - t0;
    if (!res.ok) {
      rejected++;
      continue;
    }
    const log = res.log;
    outcomes.set(`${log.type} ${log.outcome}`, (outcomes.get(`${log.type} ${log.outcome}`) ?? 0) + 1);
    steps += log.steps.length;
    for (const s of log.steps) runs += s.runs.length;
    for (const w of log.warnings) warnings.set(w.message, (warnings.get(w.message) ?? 0) + 1);
  }
  const mb = bytes / 1024 / 1024;
  out(`logs: ${files.length} (${mb.toFixed(1)} MiB), rejected: ${rejected}`);
  out("outcomes:");
  for (const [k, n] of [...outcomes].sort((a, b) => b[1] - a[1])) out(`  ${String(n).padStart(6)}  ${k}`);
  out(`steps: ${steps}, runs (run #N records): ${runs}`);
  const wTotal = [...warnings.values()].reduce((a, b) => a + b, 0);
  out(`warnings: ${wTotal}`);
  for (const [k, n] of [...warnings].sort((a, b) => b[1] - a[1])) out(`  ${String(n).padStart(6)}  ${k}`);
  out(`parse: ${parseMs.toFixed(0)} ms, ${(mb / (parseMs / 1000)).toFixed(1)} MiB/s, ${(files.length / (parseMs / 1000)).toFixed(0)} logs/s`);
  return unread ? 1 : 0;
}
