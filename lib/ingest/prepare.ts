// What a log becomes before it is stored: parsed, made printable for display, judged. Pure (no
// I/O), so the bulk import can run it in a worker thread (lib/ingest/prepare-worker.ts) while
// the database writes; the API path runs it in place. Both store exactly this.
import { parseBisectionLog } from "@/lib/parser";
import { judgeBisection } from "@/lib/analysis";
import type { BisectionLog } from "@/lib/parser/types";
import type { Judgement } from "@/lib/analysis/types";
import { displaySafe, printable } from "./display-safe";
import { MAX_LOG_BYTES, bisectionIdFor, contentHash, normalizeLog } from "./normalize";

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

/** The text as it is stored and hashed (NULs dropped, line ends normalized), or why it is too big. */
export function normalizeUpload(text: string): { normalized: string; hash: string } | Refusal {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_LOG_BYTES) return { reason: `log is ${bytes} bytes; the limit is ${MAX_LOG_BYTES} bytes (10 MiB)`, status: 413, line: null };
  const normalized = normalizeLog(text.replace(/\u0000/g, ""));
  return { normalized, hash: contentHash(normalized) };
}

export function prepareNormalized(normalized: string, hash: string): PreparedLog | Refusal {
  const parsed = parseBisectionLog(normalized);
  if (!parsed.ok) return { reason: parsed.reason, status: 400, line: parsed.line };
  // what is stored for display is printable (lib/ingest/display-safe.ts); the raw text is kept whole
  const log = displaySafe(parsed.log);
  const judged = judgeBisection(log, normalized);
  const judgement = { ...judged, headline: judged.headline && printable(judged.headline), findings: judged.findings.map((f) => ({ ...f, message: printable(f.message) })) };
  return { id: bisectionIdFor(hash), hash, text: normalized, log, judgement };
}

export const isRefusal = (x: object): x is Refusal => "reason" in x;
