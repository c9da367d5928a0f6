// A prepared log as plain rows per table, for the bulk import (lib/ingest/bulk.ts): the same
// values lib/ingest/store.ts writes for one log, as data a worker thread can hand over and a
// batch can concatenate. bulk.test.ts stores logs both ways and compares every table.
// Crash signatures are named by title here; the writer turns titles into ids.
import { JUDGE_VERSION } from "@/lib/analysis/version";
import type { Judgement } from "@/lib/analysis/types";
import { commitRows, crashGuilty, isCrashOutcome, judgeDetail, searchText, signatureTitles, startTitle } from "./map";
import type { PreparedLog } from "./prepare";
import type { CrashReport } from "@/lib/parser/types";
import { culpritDirs } from "@/lib/culprit-dirs";
import { deflateLog } from "@/lib/raw-log";

/** A column: its name and the PostgreSQL type its values are sent as (`timestamptz-utc`: a time
 *  with its zone, stored in UTC without one, as Prisma keeps every DateTime). */
export type Column = readonly [name: string, type: "text" | "int" | "float8" | "bool" | "jsonb" | "timestamp" | "timestamptz-utc" | "text[]" | "bytea"];
type Value = string | number | boolean | null | string[] | Uint8Array;
export type Row = Value[];

/** The judge's columns of `bisection`. Ingest's INSERT (store.ts), the bulk COPY (here) and the
 *  re-judge's UPDATE (rejudge.ts) all write these, with the values of `judgementValues`. */
export const JUDGEMENT_COLUMNS: readonly Column[] = [
  ["verdict", "text"], ["verdict_headline", "text"], ["findings", "jsonb"], ["confidence", "float8"],
  ["chance_wrong", "float8"], ["judge_detail", "jsonb"], ["judge_version", "int"],
];

/** A judgement as the values of JUDGEMENT_COLUMNS (jsonb as its JSON text). */
export function judgementValues(j: Judgement): Row {
  return [j.verdict, j.headline ?? null, JSON.stringify(j.findings), j.confidence, j.chanceWrong, JSON.stringify(judgeDetail(j)), JUDGE_VERSION];
}

export const BISECTION_COLUMNS: readonly Column[] = [
  ["id", "text"], ["content_hash", "text"], ["type", "text"], ["outcome", "text"], ["start_commit_hash", "text"],
  ["found_commit_hash", "text"], ["crash_signature_id", "int"], ["start_signature_id", "int"], ["candidates", "text[]"],
  ["error", "text"], ["syzkaller_commit", "text"], ["host", "text"], ["started_at", "timestamptz-utc"], ["revisions_tested", "int"], ["total_seconds", "float8"],
  ["build_seconds", "float8"], ["test_seconds", "float8"], ["culprit_signature", "text"], ["parent_signature", "text"],
  ["error_probability", "float8"], ["flaky_text", "text"], ["horizon_message", "text"], ["recipients_to", "text[]"],
  ["recipients_cc", "text[]"], ["bisect_start_line", "int"], ["bisect_start_bad", "text"], ["bisect_start_good", "text"],
  ["bisect_start_left", "int"], ["result_line", "int"], ["truncated", "bool"],
  ["head_truncated", "bool"], ["line_count", "int"], ["step_count", "int"], ["warnings", "jsonb"], ["search_text", "text"],
  ...JUDGEMENT_COLUMNS,
];
export const RAW_LOG_COLUMNS: readonly Column[] = [["bisection_id", "text"], ["deflated", "bytea"], ["bytes", "int"]];
export const CULPRIT_COLUMNS: readonly Column[] = [
  ["bisection_id", "text"], ["hash", "text"], ["subject", "text"], ["author", "text"], ["author_email", "text"],
  ["date_text", "text"], ["date", "timestamp"], ["message", "text"], ["merge_parents", "text[]"], ["files_changed", "int"],
  ["insertions", "int"], ["deletions", "int"],
];
export const CULPRIT_FILE_COLUMNS: readonly Column[] = [
  ["bisection_id", "text"], ["path", "text"], ["created", "bool"], ["deleted", "bool"], ["changes", "int"],
  ["insertions", "int"], ["deletions", "int"], ["position", "int"],
];
/** culprit_dir's rows as the bulk import writes them (`uploaded_at` is the column's default, the
 *  transaction's time, as the bisection row's is). */
export const CULPRIT_DIR_COLUMNS: readonly Column[] = [["bisection_id", "text"], ["dir", "text"]];
export const STEP_COLUMNS: readonly Column[] = [
  ["bisection_id", "text"], ["index", "int"], ["commit_hash", "text"], ["role", "text"], ["release", "text"],
  ["subject", "text"], ["compiler", "text"], ["compiler_type", "text"], ["kernel_signature", "text"], ["build_error", "text"],
  ["all_runs_outcome", "text"], ["all_runs_title", "text"], ["all_runs_line", "int"], ["representative_crash", "text"],
  ["false_negative_chance", "float8"], ["notes", "jsonb"], ["verdict", "text"], ["verdict_line", "int"],
  ["revisions_left", "int"], ["revisions_left_at_test", "int"], ["untested", "bool"], ["line", "int"], ["end_line", "int"],
];
export const RUN_COLUMNS: readonly Column[] = [
  ["bisection_id", "text"], ["step_index", "int"], ["index", "int"], ["outcome", "text"], ["title", "text"],
  ["signature_id", "int"], ["line", "int"], ["end_line", "int"],
];
export const CRASH_COLUMNS: readonly Column[] = [
  ["bisection_id", "text"], ["signature_id", "int"], ["line", "int"], ["end_line", "int"], ["header", "text"],
  ["guilty_file", "text"], ["guilty_frame", "int"],
];
export const FRAME_COLUMNS: readonly Column[] = [
  ["bisection_id", "text"], ["position", "int"], ["function", "text"], ["offset", "int"], ["size", "int"], ["file", "text"],
  ["line", "int"], ["inline", "bool"], ["module", "text"], ["unreliable", "bool"], ["section", "text"], ["context", "text"],
  ["log_line", "int"],
];

export interface LogRows {
  id: string;
  hash: string;
  outcome: string;
  warnings: number;
  commits: Row[];
  titles: string[];
  bisection: Row;
  rawLog: Row;
  culprit: Row | null;
  culpritFiles: Row[];
  /** culprit_dir's rows: each directory of the culprit's files once */
  culpritDirs: Row[];
  steps: Row[];
  runs: Row[];
  crash: Row | null;
  frames: Row[];
  /** signature columns to fill once the titles have ids: which table, which of its rows (-1 for
   *  the one-row tables), which column, and the title (null leaves the column null) */
  signatures: { table: "bisection" | "run" | "crash"; row: number; at: number; title: string | null }[];
}

const at = (columns: readonly Column[], name: string) => columns.findIndex(([n]) => n === name);

// One small function per table: a deopt of one recompiles only it (one function for all of
// them took TurboFan 250-500 ms a compile, three compiles an import, on the loaded machine).

function bisectionRow(p: PreparedLog): Row {
  const { id, hash, log, judgement: j } = p;
  const b = log.bisectStart;
  return [
    id, hash, log.type, log.outcome, log.startCommit, log.commit?.hash ?? null, null, null, log.candidates,
    log.error, log.syzkallerCommit, log.host, log.startedAt, log.revisionsTested, log.totalSeconds,
    log.buildSeconds, log.testSeconds, log.culpritSignature, log.parentSignature,
    log.errorProbability, log.flaky?.text ?? null, log.horizonCommitMessage, log.recipientsTo,
    log.recipientsCc, b?.line ?? null, b?.bad ?? null, b?.good ?? null,
    b?.revisionsLeft ?? null, log.resultLine, log.truncated,
    log.headTruncated, log.lineCount, log.steps.length, JSON.stringify(log.warnings), searchText(log),
    ...judgementValues(j),
  ];
}

function culpritRow(id: string, c: NonNullable<PreparedLog["log"]["commit"]>): Row {
  return [id, c.hash, c.subject, c.authorName || c.author, c.authorEmail || null, c.date || null, c.dateIso, c.message, c.mergeParents, c.filesChanged, c.insertions, c.deletions];
}

function stepRow(id: string, s: PreparedLog["log"]["steps"][number]): Row {
  return [
    id, s.index, s.commit, s.role, s.release, s.subject, s.compiler, s.compilerType, s.kernelSignature, s.buildError,
    s.allRuns?.outcome ?? null, s.allRuns?.title ?? null, s.allRuns?.line ?? null, s.representativeCrash?.title ?? null,
    s.falseNegativeChance, JSON.stringify(s.notes), s.verdict, s.verdictLine, s.revisionsLeft, s.revisionsLeftAtTest, s.untested, s.line, s.endLine,
  ];
}

type Frame = NonNullable<PreparedLog["log"]["crash"]>["frames"][number];
function frameRow(id: string, f: Frame, i: number): Row {
  return [id, i, f.function, f.offset, f.size, f.file, f.line, f.inline, f.module, f.unreliable, f.section, f.context, f.logLine];
}

const RUN_SIGNATURE = at(RUN_COLUMNS, "signature_id");

function runRows(id: string, log: PreparedLog["log"], signatures: LogRows["signatures"]): Row[] {
  const runs: Row[] = [];
  for (const s of log.steps) {
    for (const r of s.runs) {
      signatures.push({ table: "run", row: runs.length, at: RUN_SIGNATURE, title: r.title && isCrashOutcome(r.outcome) ? r.title : null });
      runs.push([id, s.index, r.index, r.outcome, r.title, null, r.line, r.endLine]);
    }
  }
  return runs;
}

const CRASH_SIGNATURE = at(BISECTION_COLUMNS, "crash_signature_id");
const START_SIGNATURE = at(BISECTION_COLUMNS, "start_signature_id");
const REPORT_SIGNATURE = at(CRASH_COLUMNS, "signature_id");

function dirRows(id: string, files: { path: string }[]): Row[] {
  const dirs = new Set<string>();
  for (const f of files) for (const d of culpritDirs(f.path)) dirs.add(d);
  return [...dirs].map((d) => [id, d]);
}

export function logRows(p: PreparedLog): LogRows {
  const { id, hash, text, log, judgement: j } = p;
  const c = log.commit;
  const crash = log.crash;
  const signatures: LogRows["signatures"] = [
    { table: "bisection", row: -1, at: CRASH_SIGNATURE, title: crash?.title ?? null },
    { table: "bisection", row: -1, at: START_SIGNATURE, title: startTitle(log) },
  ];
  const runs = runRows(id, log, signatures);
  if (crash) signatures.push({ table: "crash", row: -1, at: REPORT_SIGNATURE, title: crash.title });
  return {
    id,
    hash,
    outcome: log.outcome,
    warnings: log.warnings.length,
    commits: commitRows(log).map((r) => [r.hash, r.subject]),
    titles: signatureTitles(log),
    bisection: bisectionRow(p),
    rawLog: [id, deflateLog(text), Buffer.byteLength(text, "utf8")],
    culprit: c ? culpritRow(id, c) : null,
    culpritFiles: c ? c.files.map((f, i) => [id, f.path, f.created, f.deleted, f.changes, f.insertions, f.deletions, i]) : [],
    culpritDirs: c ? dirRows(id, c.files) : [],
    steps: log.steps.map((s) => stepRow(id, s)),
    runs,
    crash: crash ? crashRow(id, crash, crashGuilty(j, crash)) : null,
    frames: (crash?.frames ?? []).map((f, i) => frameRow(id, f, i)),
    signatures,
  };
}

const COPY_SPECIAL = /[\\\n\r\t]/;

/** A value in COPY's text format: `\N` for NULL, backslash escapes for the characters it
 *  splits on; an array as PostgreSQL's array literal, escaped once more. */
export function copyValue(v: Value): string {
  if (v === null) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (typeof v === "number") return String(v);
  // bytea's hex input, its backslash doubled for COPY
  if (v instanceof Uint8Array) return `\\\\x${Buffer.from(v.buffer, v.byteOffset, v.length).toString("hex")}`;
  const text = Array.isArray(v) ? `{${v.map((x) => `"${x.replace(/["\\]/g, "\\$&")}"`).join(",")}}` : v;
  if (!COPY_SPECIAL.test(text)) return text;
  // one native pass per character (a raw log has a newline every 60 characters)
  return text.replaceAll("\\", "\\\\").replaceAll("\n", "\\n").replaceAll("\r", "\\r").replaceAll("\t", "\\t");
}

/** The tables of a log's COPY text, in the order of `LogCopy.ends`, with their columns. */
export const COPY_TABLES = ["bisection", "raw_log", "culprit", "culprit_file", "culprit_dir", "step", "run", "crash_report", "frame"] as const;
export type CopyTable = (typeof COPY_TABLES)[number];
export const COPY_COLUMNS: Record<CopyTable, readonly Column[]> = {
  bisection: BISECTION_COLUMNS, raw_log: RAW_LOG_COLUMNS, culprit: CULPRIT_COLUMNS, culprit_file: CULPRIT_FILE_COLUMNS, culprit_dir: CULPRIT_DIR_COLUMNS,
  step: STEP_COLUMNS, run: RUN_COLUMNS, crash_report: CRASH_COLUMNS, frame: FRAME_COLUMNS,
};

/** Bytes a crash signature id is given in the COPY text: int4's widest (2147483647). The writer
 *  writes the id right-aligned over them, spaces before it, which int4's input skips. */
export const SLOT_WIDTH = 10;
// what marks a slot until it is filled: PostgreSQL text holds no NUL, so no value has one
const SLOT = "\0".repeat(SLOT_WIDTH);

/** A log's rows as COPY text, built in the worker thread so the writer only fills in the crash
 *  signature ids (known once the batch's titles are stored) and sends bytes: every table's text
 *  in one UTF-8 buffer, handed over without a copy (a structured clone of its 100,000 strings
 *  cost both threads more than building them). */
export interface LogCopy {
  id: string;
  hash: string;
  outcome: string;
  warnings: number;
  commits: [hash: string, subject: string | null][];
  /** the log's crash signature titles (signatureTitles) */
  titles: string[];
  /** COPY_TABLES[k]'s text ends at `ends[k]` */
  bytes: Uint8Array;
  ends: number[];
  /** the id slots: byte offset of each, then the index in `titles` of its title */
  slots: Int32Array;
}

/** COPY_TABLES[k]'s COPY text of the log, as bytes (a view, not a copy). */
export function tableBytes(l: LogCopy, table: CopyTable): Uint8Array {
  const k = COPY_TABLES.indexOf(table);
  return l.bytes.subarray(k ? l.ends[k - 1] : 0, l.ends[k]);
}

/** Writes each slot's crash signature id into the log's bytes (again, if a batch is retried). */
export function fillSlots(l: LogCopy, ids: Map<string, number>): void {
  const buf = Buffer.from(l.bytes.buffer, l.bytes.byteOffset, l.bytes.length);
  for (let k = 0; k < l.slots.length; k += 2) {
    const title = l.titles[l.slots[k + 1]];
    const id = ids.get(title);
    // the batch stored every title of its logs before: an id can only be missing if one was deleted meanwhile
    if (id === undefined) throw new Error(`crash signature ${JSON.stringify(title)} has no id`);
    const digits = String(id);
    buf.fill(32, l.slots[k], l.slots[k] + SLOT_WIDTH - digits.length);
    buf.write(digits, l.slots[k] + SLOT_WIDTH - digits.length, "latin1");
  }
}

/** Rows as COPY text; `slots` gives for a row (by index) the columns that are signature slots
 *  and their titles' indexes (-1: NULL). */
function copyRows(rows: Row[], slots: Map<number, Map<number, number>> | null, order: number[]): string {
  let s = "";
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    const at = slots?.get(k);
    for (let i = 0; i < r.length; i++) {
      if (i) s += "\t";
      const t = at?.get(i);
      if (t === undefined) s += copyValue(r[i]);
      else if (t < 0) s += "\\N";
      else {
        s += SLOT;
        order.push(t);
      }
    }
    s += "\n";
  }
  return s;
}

/** The COPY text of a log's rows (bulk.test.ts compares what it stores with ingestLog's rows). */
export function logCopy(l: LogRows): LogCopy {
  const index = new Map(l.titles.map((t, i) => [t, i]));
  const slots = { bisection: new Map<number, Map<number, number>>(), run: new Map<number, Map<number, number>>(), crash: new Map<number, Map<number, number>>() };
  for (const s of l.signatures) {
    const row = s.row < 0 ? 0 : s.row;
    const byRow = slots[s.table];
    if (!byRow.has(row)) byRow.set(row, new Map());
    // a title the log does not store as a signature is NULL, as in ingestLog
    byRow.get(row)!.set(s.at, s.title === null ? -1 : (index.get(s.title) ?? -1));
  }
  // a diffstat naming one path twice keeps the first, as store.ts's ON CONFLICT DO NOTHING does
  const seen = new Set<string>();
  const files = l.culpritFiles.filter((f) => !seen.has(f[1] as string) && !!seen.add(f[1] as string));
  const order: number[] = [];
  const texts = [
    copyRows([l.bisection], slots.bisection, order), copyRows([l.rawLog], null, order), copyRows(l.culprit ? [l.culprit] : [], null, order),
    copyRows(files, null, order), copyRows(l.culpritDirs, null, order), copyRows(l.steps, null, order), copyRows(l.runs, slots.run, order),
    copyRows(l.crash ? [l.crash] : [], slots.crash, order), copyRows(l.frames, null, order),
  ];
  const ends: number[] = [];
  let n = 0;
  for (const t of texts) ends.push((n += Buffer.byteLength(t, "utf8")));
  // its own ArrayBuffer (not a slice of Buffer's shared pool), so it can be transferred
  const buf = Buffer.from(new ArrayBuffer(n));
  texts.forEach((t, k) => buf.write(t, k ? ends[k - 1] : 0, "utf8"));
  const at = new Int32Array(new ArrayBuffer(8 * order.length));
  for (let k = 0, from = 0; k < order.length; k++, from += SLOT_WIDTH) {
    from = buf.indexOf(0, from);
    if (from < 0 || buf.indexOf(SLOT, from, "latin1") !== from) throw new Error("the log's rows hold a NUL character");
    at[2 * k] = from;
    at[2 * k + 1] = order[k];
  }
  if (buf.indexOf(0, order.length ? at[at.length - 2] + SLOT_WIDTH : 0) >= 0) throw new Error("the log's rows hold a NUL character");
  return {
    id: l.id,
    hash: l.hash,
    outcome: l.outcome,
    warnings: l.warnings,
    commits: l.commits.map((r) => [r[0] as string, r[1] as string | null]),
    titles: l.titles,
    bytes: new Uint8Array(buf.buffer, 0, n),
    ends,
    slots: at,
  };
}

function crashRow(id: string, crash: CrashReport, guilty: { file: string | null; frame: number | null }): Row {
  return [id, null, crash.line, crash.endLine, crash.header, guilty.file, guilty.frame];
}
