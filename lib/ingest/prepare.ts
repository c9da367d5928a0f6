// What a log becomes before it is stored: parsed, made printable for display, judged. Pure (no
// I/O), so the bulk import can run it in a worker thread (lib/ingest/prepare-worker.ts) while
// the database writes; the API path runs it in place. Both store exactly this.
import { parseBisectionLog } from "@/lib/parser";
import { judgeBisection } from "@/lib/analysis";
import type { BisectionLog } from "@/lib/parser/types";
import type { Judgement } from "@/lib/analysis/types";
import { displaySafe, printable } from "./display-safe";
import { lineStarts } from "@/lib/raw-log";
import { lowerBound } from "@/lib/unique";
import { MAX_LOG_BYTES, bisectionIdFor, legacyLogHash, logHash, normalizeLog } from "./normalize";

/** A log ready to store: its id, content hash and normalized text, the parse and the judgement. */
export interface PreparedLog {
  id: string;
  hash: string;
  text: string;
  log: BisectionLog;
  judgement: Judgement;
}

/** Why a text cannot be stored, with the HTTP status and log line it maps to. */
export interface Refusal {
  reason: string;
  status: 400 | 413;
  line: number | null;
}

/** The text as it is stored (NULs dropped, line ends normalized) and its identity (logHash; and
 *  legacyLogHash, the hash a copy may be stored under), or why it is too big. */
export function normalizeUpload(text: string): { normalized: string; hash: string; legacy: string | null } | Refusal {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_LOG_BYTES) return { reason: `log is ${bytes} bytes; the limit is ${MAX_LOG_BYTES} bytes (10 MiB)`, status: 413, line: null };
  // lines that end in CR alone (classic Mac OS) would be one line; which CR breaks a line is not
  // guessed (the id is the normalized text's), the sender is told how to convert it
  const body = text.trimEnd(); // trailing blank lines and whitespace do not count
  if (!body.includes("\n") && body.includes("\r"))
    return { reason: "the log's lines end in CR alone, without LF, so it reads as one line: convert them first (tr '\\r' '\\n' < log > log.txt)", status: 400, line: 1 };
  // a JSON body can carry a lone surrogate (`"\ud800"`), which PostgreSQL's jsonb refuses in the
  // warnings and notes quoting the line: U+FFFD, as a UTF-8 upload's bad bytes already are
  const normalized = normalizeLog(text.replace(/\u0000/g, "").toWellFormed());
  return { normalized, hash: logHash(normalized), legacy: legacyLogHash(normalized) };
}

/** Tested commits a stored log may have: the corpus's most is 415 (a bisection of many skips);
 *  each is a row of the page's timeline. */
export const MAX_STEPS = 2_000;
/** Reproducer runs a stored log may record, in all and at one commit: the corpus's most are 490
 *  in a log and 20 at a commit (syzbot runs 10-20). Each is a row every page of the log reads. */
export const MAX_RUNS = 5_000;
export const MAX_STEP_RUNS = 200;
/** Frames of a stored crash report: the corpus's most is 806 (a lockdep report). Each is a row;
 *  the page lists the first PAGE_FRAMES of them (lib/pages/crash.ts). */
export const MAX_FRAMES = 5_000;
/** Bytes of one indexed value (a crash title, a commit hash, a culprit file's path): a btree
 *  entry holds about 2,700; the corpus's longest title is 502 bytes, its longest path 134. */
export const MAX_KEY_BYTES = 2_000;

/** What the parse holds that the database could not keep, as a refusal at its line. */
export function storageRefusal(log: BisectionLog, text: string | null = null): Refusal | null {
  if (log.steps.length > MAX_STEPS) {
    return { reason: `the log tests ${log.steps.length} commits; at most ${MAX_STEPS} are stored (a syzbot bisection tests a few dozen)`, status: 400, line: log.steps[MAX_STEPS].line };
  }
  let runs = 0;
  for (const s of log.steps) {
    if (s.runs.length > MAX_STEP_RUNS) {
      return { reason: `the commit tested at line ${s.line} records ${s.runs.length} runs; at most ${MAX_STEP_RUNS} a commit are stored (syzbot runs 10-20)`, status: 400, line: s.runs[MAX_STEP_RUNS].line };
    }
    runs += s.runs.length;
    if (runs > MAX_RUNS) {
      const total = log.steps.reduce((n, x) => n + x.runs.length, 0);
      return { reason: `the log records ${total} runs; at most ${MAX_RUNS} are stored (a syzbot bisection runs a few hundred)`, status: 400, line: s.runs[s.runs.length - (runs - MAX_RUNS)].line };
    }
  }
  const frames = log.crash?.frames ?? [];
  if (frames.length > MAX_FRAMES) {
    return { reason: `the crash report has ${frames.length} stack frames; at most ${MAX_FRAMES} are stored (a syzbot report has at most a few hundred)`, status: 400, line: frames[MAX_FRAMES].logLine };
  }
  const tooLong = (what: string, value: string | null | undefined, line: number): Refusal | null => {
    if (!value || value.length * 3 <= MAX_KEY_BYTES) return null; // UTF-16 unit -> at most 3 bytes
    const bytes = Buffer.byteLength(value, "utf8");
    return bytes > MAX_KEY_BYTES ? { reason: `${what} is ${bytes} bytes long; at most ${MAX_KEY_BYTES} are stored`, status: 400, line } : null;
  };
  const head =
    tooLong("the start commit", log.startCommit, 1) ??
    tooLong("the crash title", log.crash?.title, log.crash?.line ?? 1) ??
    tooLong("the found commit's hash", log.commit?.hash, log.commit?.line ?? 1);
  if (head) return head;
  for (const c of log.candidates) {
    const r = tooLong("a candidate commit", c, log.resultLine ?? 1);
    if (r) return r;
  }
  for (const f of log.commit?.files ?? []) {
    const r = tooLong("a culprit file's path", f.path, f.line);
    if (r) return r;
  }
  for (const s of log.steps) {
    const r = tooLong("a tested commit", s.commit, s.line) ?? tooLong("a crash title", s.allRuns?.title, s.allRuns?.line ?? s.line);
    if (r) return r;
    for (const run of s.runs) {
      const t = tooLong("a crash title", run.title, run.line);
      if (t) return t;
    }
  }
  return tooBig(log, text);
}

const LOG_HEADS = ["bisecting cause commit starting from ", "bisecting fixing commit since "];

/** The line of a second log's first line (`bisecting cause commit starting from ...`), else null:
 *  every syzbot log has one such line (all of the corpus), two logs pasted together have two. */
function secondLogLine(text: string): number | null {
  const at: number[] = [];
  for (const head of LOG_HEADS) {
    // the first two of each head
    const mine: number[] = text.startsWith(head) ? [0] : [];
    for (let i = text.indexOf(`\n${head}`); i >= 0 && mine.length < 2; i = text.indexOf(`\n${head}`, i + 1)) mine.push(i + 1);
    at.push(...mine);
  }
  return at.length < 2 ? null : lineAt(text, at.sort((a, b) => a - b)[1]);
}

/** The 1-based line holding offset `pos` of `text`; read only for a refusal's line. */
function lineAt(text: string, pos: number, starts = lineStarts(text)): number {
  const i = lowerBound(starts, pos);
  return i < starts.length && starts[i] === pos ? i + 1 : i;
}

/** The 1-based line of the first line starting with `head`, else null. */
function lineOf(text: string, head: string): number | null {
  if (text.startsWith(head)) return 1;
  const at = text.indexOf(`\n${head}`);
  return at < 0 ? null : lineAt(text, at + 1);
}

/** The line of git's ` N files changed, ...` summary at or after line `from`, else null. */
function summaryLine(text: string, from: number): number | null {
  const starts = lineStarts(text);
  if (from > starts.length) return null;
  const hit = [" file changed", " files changed"].map((w) => text.indexOf(w, starts[from - 1])).filter((i) => i >= 0);
  return hit.length === 0 ? null : lineAt(text, Math.min(...hit), starts);
}

/** The largest count a column holds (PostgreSQL's integer). */
export const MAX_STORED_NUMBER = 2_147_483_647;

/** The first number of the log past what its column holds (a run's N, git's revisions left, a
 *  diffstat's counts, a frame's offset, size or source line), as a refusal at its line. */
function tooBig(log: BisectionLog, text: string | null): Refusal | null {
  const over = (what: string, n: number | null | undefined, line: number | null | undefined): Refusal | null =>
    n !== null && n !== undefined && n > MAX_STORED_NUMBER
      ? { reason: `${what} is ${n}; numbers up to ${MAX_STORED_NUMBER.toLocaleString("en")} are stored`, status: 400, line: line ?? 1 }
      : null;
  // git prints `Bisecting: N revisions left` on the line after `git bisect start` or a verdict
  const bs = log.bisectStart;
  const head = over("git's count of revisions left", bs?.revisionsLeft, bs && bs.line + 1) ?? over("revisions tested", log.revisionsTested, text === null ? log.resultLine : lineOf(text, "revisions tested: "));
  if (head) return head;
  for (const s of log.steps) {
    const r = over("git's count of revisions left", s.revisionsLeft, s.verdictLine === null ? s.line : s.verdictLine + 1);
    if (r) return r;
    for (const run of s.runs) {
      const t = over("a run's number", run.index, run.line);
      if (t) return t;
    }
  }
  const c = log.commit;
  if (c) {
    if ([c.filesChanged, c.insertions, c.deletions].some((n) => n !== null && n > MAX_STORED_NUMBER)) {
      // the summary's own line, read from the text only then
      const summary = (text === null ? null : summaryLine(text, c.line)) ?? c.line;
      const r = over("the culprit's count of files changed", c.filesChanged, summary) ?? over("the culprit's insertions", c.insertions, summary) ?? over("the culprit's deletions", c.deletions, summary);
      if (r) return r;
    }
    for (const f of c.files) {
      const t = over(`the changes to ${f.path}`, f.changes, f.line) ?? over(`the insertions to ${f.path}`, f.insertions, f.line) ?? over(`the deletions to ${f.path}`, f.deletions, f.line);
      if (t) return t;
    }
  }
  for (const f of log.crash?.frames ?? []) {
    const r = over(`the offset of frame ${f.function}`, f.offset, f.logLine) ?? over(`the size of frame ${f.function}`, f.size, f.logLine) ?? over(`the source line of frame ${f.function}`, f.line, f.logLine);
    if (r) return r;
  }
  return null;
}

/** `stored`: the log is a stored row's (a re-judgement), which the database kept, so what an
 *  upload is refused for (two logs in one text, more than it keeps) does not apply to it; a row
 *  stored before a limit came in is judged again like any other. */
export function prepareNormalized(normalized: string, hash: string, opts: { stored?: boolean } = {}): PreparedLog | Refusal {
  const parsed = parseBisectionLog(normalized);
  if (!parsed.ok) return { reason: parsed.reason, status: 400, line: parsed.line };
  const second = opts.stored ? null : secondLogLine(normalized);
  if (second !== null) return { reason: `a second bisection log starts at line ${second}: upload one log at a time (the text would be stored as the first alone)`, status: 400, line: second };
  // what is stored for display is printable (lib/ingest/display-safe.ts); the raw text is kept whole
  const log = displaySafe(parsed.log);
  // measured as stored: a control character becomes U+FFFD, three bytes
  const refused = opts.stored ? null : storageRefusal(log, normalized);
  if (refused) return refused;
  const judged = judgeBisection(log, normalized);
  const judgement = { ...judged, headline: judged.headline && printable(judged.headline), findings: judged.findings.map((f) => ({ ...f, message: printable(f.message) })) };
  return { id: bisectionIdFor(hash), hash, text: normalized, log, judgement };
}

export const isRefusal = (x: object): x is Refusal => "reason" in x;
