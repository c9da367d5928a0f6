// The one write path: normalize -> parse -> judge -> one statement (lib/ingest/store.ts). Called by the upload
// route, the form's server action, the CLI and the test setup.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { IngestError } from "./errors";
import { bisectionIdFor } from "./normalize";
import { isRefusal, normalizeUpload, prepareNormalized } from "./prepare";
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
  const upload = normalizeUpload(text);
  if (isRefusal(upload)) throw new IngestError(upload.reason, upload.status, upload.line);
  const { normalized, hash, legacy } = upload;
  let mine = inFlight.get(prisma);
  if (!mine) inFlight.set(prisma, (mine = new Map()));
  const pending = mine.get(hash);
  if (pending) return { ...(await pending), duplicate: true, warnings: 0 };
  const work = ingestNormalized(prisma, normalized, hash, legacy, opts);
  mine.set(hash, work);
  try {
    return await work;
  } finally {
    mine.delete(hash);
  }
}

async function ingestNormalized(prisma: PrismaClient, normalized: string, hash: string, legacy: string | null, opts: IngestOptions): Promise<IngestResult> {
  const id = bisectionIdFor(hash);
  // a copy with leading blank lines may be stored under its whole text's hash (legacyLogHash)
  const known = await prisma.bisection.findFirst({ where: { contentHash: { in: legacy ? [hash, legacy] : [hash] } }, select: { id: true, outcome: true } });
  if (known) return { id: known.id, duplicate: true, outcome: known.outcome, warnings: 0 };

  ingestCounters.parsed++;
  const prepared = prepareNormalized(normalized, hash);
  if (isRefusal(prepared)) throw new IngestError(prepared.reason, prepared.status, prepared.line);
  const { log, judgement } = prepared;
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
