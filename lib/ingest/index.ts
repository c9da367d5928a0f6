// The one write path: normalize -> parse -> judge -> one statement (lib/ingest/store.ts). Called by the upload
// route, the form's server action, the CLI and the test setup.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseBisectionLog } from "@/lib/parser";
import { judgeBisection } from "@/lib/analysis";
import { displaySafe, printable } from "./display-safe";
import { IngestError } from "./errors";
import { MAX_LOG_BYTES, bisectionIdFor, contentHash, normalizeLog } from "./normalize";
import { isUniqueViolation, storeBisection } from "./store";

export { IngestError } from "./errors";
export { MAX_LOG_BYTES, normalizeLog } from "./normalize";

export interface IngestResult {
  id: string;
  duplicate: boolean;
  outcome: string;
  warnings: number;
}

export interface IngestOptions {
  /** bulk import: do not wait for the commit's fsync (`synchronous_commit = off` for this
   *  statement only). A crash may lose the last imports, never corrupt them; re-running the
   *  import restores them, since the same log maps to the same id. */
  bulk?: boolean;
}

/** Ingests in flight in this process, by client and content hash: concurrent uploads of the
 *  same log share one parse and one write (the others answer as duplicates of it). */
const inFlight = new WeakMap<PrismaClient, Map<string, Promise<IngestResult>>>();

/** How many logs this process has parsed for storing (the coalescing test reads it). */
export const ingestCounters = { parsed: 0 };

export async function ingestLog(prisma: PrismaClient, text: string, opts: IngestOptions = {}): Promise<IngestResult> {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_LOG_BYTES) {
    throw new IngestError(`log is ${bytes} bytes; the limit is ${MAX_LOG_BYTES} bytes (10 MiB)`, 413);
  }
  const normalized = normalizeLog(text.replace(/\u0000/g, ""));
  const hash = contentHash(normalized);
  let mine = inFlight.get(prisma);
  if (!mine) inFlight.set(prisma, (mine = new Map()));
  const pending = mine.get(hash);
  if (pending) return { ...(await pending), duplicate: true, warnings: 0 };
  const work = ingestNormalized(prisma, normalized, hash, opts);
  mine.set(hash, work);
  try {
    return await work;
  } finally {
    mine.delete(hash);
  }
}

async function ingestNormalized(prisma: PrismaClient, normalized: string, hash: string, opts: IngestOptions): Promise<IngestResult> {
  const id = bisectionIdFor(hash);
  const known = await prisma.bisection.findUnique({ where: { contentHash: hash }, select: { id: true, outcome: true } });
  if (known) return { id: known.id, duplicate: true, outcome: known.outcome, warnings: 0 };

  ingestCounters.parsed++;
  const parsed = parseBisectionLog(normalized);
  if (!parsed.ok) throw new IngestError(parsed.reason, 400, parsed.line);
  // what is stored for display is printable (lib/ingest/display-safe.ts); the raw text is kept whole
  const log = displaySafe(parsed.log);
  const judged = judgeBisection(log, normalized);
  const judgement = { ...judged, headline: judged.headline && printable(judged.headline), findings: judged.findings.map((f) => ({ ...f, message: printable(f.message) })) };
  try {
    await storeBisection(prisma, { id, hash, text: normalized }, log, judgement, opts.bulk ?? false);
  } catch (e) {
    // the same log stored by a concurrent upload while we parsed it
    if (isUniqueViolation(e)) {
      const row = await prisma.bisection.findUnique({ where: { contentHash: hash }, select: { id: true, outcome: true } });
      if (row) return { id: row.id, duplicate: true, outcome: row.outcome, warnings: 0 };
    }
    throw e;
  }
  return { id, duplicate: false, outcome: log.outcome, warnings: log.warnings.length };
}
