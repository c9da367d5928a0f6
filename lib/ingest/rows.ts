// A prepared log as plain rows per table, for the bulk import (lib/ingest/bulk.ts): the same
// values lib/ingest/store.ts writes for one log, as data a worker thread can hand over and a
// batch can concatenate. bulk.test.ts stores logs both ways and compares every table.
// Crash signatures are named by title here; the writer turns titles into ids.
import { JUDGE_VERSION } from "@/lib/analysis/version";
import { commitRows, isCrashOutcome, judgeDetail, searchText, signatureTitles, startTitle } from "./map";
import type { PreparedLog } from "./prepare";

/** A column: its name and the PostgreSQL type its values are sent as (`timestamptz-utc`: a time
 *  with its zone, stored in UTC without one, as Prisma keeps every DateTime). */
export type Column = readonly [name: string, type: "text" | "int" | "float8" | "bool" | "jsonb" | "timestamp" | "timestamptz-utc" | "text[]"];
type Value = string | number | boolean | null | string[];
export type Row = Value[];

export const BISECTION_COLUMNS: readonly Column[] = [
  ["id", "text"], ["content_hash", "text"], ["type", "text"], ["outcome", "text"], ["start_commit_hash", "text"],
  ["found_commit_hash", "text"], ["crash_signature_id", "int"], ["start_signature_id", "int"], ["candidates", "text[]"],
  ["error", "text"], ["syzkaller_commit", "text"], ["host", "text"], ["started_at", "timestamptz-utc"], ["revisions_tested", "int"], ["total_seconds", "float8"],
  ["build_seconds", "float8"], ["test_seconds", "float8"], ["culprit_signature", "text"], ["parent_signature", "text"],
  ["error_probability", "float8"], ["flaky_text", "text"], ["horizon_message", "text"], ["recipients_to", "text[]"],
  ["recipients_cc", "text[]"], ["bisect_start_line", "int"], ["bisect_start_bad", "text"], ["bisect_start_good", "text"],
  ["bisect_start_left", "int"], ["result_line", "int"], ["truncated", "bool"],
  ["head_truncated", "bool"], ["line_count", "int"], ["step_count", "int"], ["warnings", "jsonb"], ["verdict", "text"],
  ["verdict_headline", "text"], ["findings", "jsonb"], ["confidence", "float8"], ["chance_wrong", "float8"],
  ["judge_detail", "jsonb"], ["search_text", "text"], ["judge_version", "int"],
];
export const RAW_LOG_COLUMNS: readonly Column[] = [["bisection_id", "text"], ["text", "text"], ["bytes", "int"]];
export const CULPRIT_COLUMNS: readonly Column[] = [
  ["bisection_id", "text"], ["hash", "text"], ["subject", "text"], ["author", "text"], ["author_email", "text"],
  ["date_text", "text"], ["date", "timestamp"], ["message", "text"], ["merge_parents", "text[]"], ["files_changed", "int"],
  ["insertions", "int"], ["deletions", "int"],
];
export const CULPRIT_FILE_COLUMNS: readonly Column[] = [
  ["bisection_id", "text"], ["path", "text"], ["created", "bool"], ["deleted", "bool"], ["changes", "int"],
  ["insertions", "int"], ["deletions", "int"], ["position", "int"],
];
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
  steps: Row[];
  runs: Row[];
  crash: Row | null;
  frames: Row[];
  /** signature columns to fill once the titles have ids: which table, which of its rows (-1 for
   *  the one-row tables), which column, and the title (null leaves the column null) */
  signatures: { table: "bisection" | "run" | "crash"; row: number; at: number; title: string | null }[];
}

const at = (columns: readonly Column[], name: string) => columns.findIndex(([n]) => n === name);

export function logRows(p: PreparedLog): LogRows {
  const { id, hash, text, log, judgement: j } = p;
  const c = log.commit;
  const crash = log.crash;
  const signatures: LogRows["signatures"] = [
    { table: "bisection", row: -1, at: at(BISECTION_COLUMNS, "crash_signature_id"), title: crash?.title ?? null },
    { table: "bisection", row: -1, at: at(BISECTION_COLUMNS, "start_signature_id"), title: startTitle(log) },
  ];
  const runs: Row[] = [];
  for (const s of log.steps) {
    for (const r of s.runs) {
      signatures.push({ table: "run", row: runs.length, at: at(RUN_COLUMNS, "signature_id"), title: r.title && isCrashOutcome(r.outcome) ? r.title : null });
      runs.push([id, s.index, r.index, r.outcome, r.title, null, r.line, r.endLine]);
    }
  }
  if (crash) signatures.push({ table: "crash", row: -1, at: at(CRASH_COLUMNS, "signature_id"), title: crash.title });
  return {
    id,
    hash,
    outcome: log.outcome,
    warnings: log.warnings.length,
    commits: commitRows(log).map((r) => [r.hash, r.subject]),
    titles: signatureTitles(log),
    bisection: [
      id, hash, log.type, log.outcome, log.startCommit, c?.hash ?? null, null, null, log.candidates,
      log.error, log.syzkallerCommit, log.host, log.startedAt, log.revisionsTested, log.totalSeconds,
      log.buildSeconds, log.testSeconds, log.culpritSignature, log.parentSignature,
      log.errorProbability, log.flaky?.text ?? null, log.horizonCommitMessage, log.recipientsTo,
      log.recipientsCc, log.bisectStart?.line ?? null, log.bisectStart?.bad ?? null, log.bisectStart?.good ?? null,
      log.bisectStart?.revisionsLeft ?? null, log.resultLine, log.truncated,
      log.headTruncated, log.lineCount, log.steps.length, JSON.stringify(log.warnings), j.verdict,
      j.headline ?? null, JSON.stringify(j.findings), j.confidence, j.chanceWrong,
      JSON.stringify(judgeDetail(j)), searchText(log), JUDGE_VERSION,
    ],
    rawLog: [id, text, Buffer.byteLength(text, "utf8")],
    culprit: c
      ? [id, c.hash, c.subject, c.authorName || c.author, c.authorEmail || null, c.date || null, c.dateIso, c.message, c.mergeParents, c.filesChanged, c.insertions, c.deletions]
      : null,
    culpritFiles: c ? c.files.map((f, i) => [id, f.path, f.created, f.deleted, f.changes, f.insertions, f.deletions, i]) : [],
    steps: log.steps.map((s) => [
      id, s.index, s.commit, s.role, s.release, s.subject, s.compiler, s.compilerType, s.kernelSignature, s.buildError,
      s.allRuns?.outcome ?? null, s.allRuns?.title ?? null, s.allRuns?.line ?? null, s.representativeCrash?.title ?? null,
      s.falseNegativeChance, JSON.stringify(s.notes), s.verdict, s.verdictLine, s.revisionsLeft, s.revisionsLeftAtTest, s.untested, s.line, s.endLine,
    ]),
    runs,
    crash: crash ? [id, null, crash.line, crash.endLine, crash.header, j.guilty?.file ?? crash.guiltyFile, j.guilty?.frameIndex ?? crash.guiltyFrame] : null,
    frames: (crash?.frames ?? []).map((f, i) => [
      id, i, f.function, f.offset, f.size, f.file, f.line, f.inline, f.module, f.unreliable, f.section, f.context, f.logLine,
    ]),
    signatures,
  };
}
