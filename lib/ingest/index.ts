// The one write path: normalize -> parse -> judge -> one transaction. Called by the upload
// route, the form's server action, the CLI and the test setup.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { parseBisectionLog } from "@/lib/parser";
import { judgeBisection } from "@/lib/analysis";
import type { BisectionLog } from "@/lib/parser/types";
import type { Judgement } from "@/lib/analysis/types";
import { IngestError } from "./errors";
import { MAX_LOG_BYTES, bisectionIdFor, contentHash, normalizeLog } from "./normalize";
import { commitRows, judgementColumns, searchText, signatureTitles, startTitle } from "./map";
import { insertFrames, insertSteps } from "./bulk";

export { IngestError } from "./errors";
export { MAX_LOG_BYTES, normalizeLog } from "./normalize";

export interface IngestResult {
  id: string;
  duplicate: boolean;
  outcome: string;
  warnings: number;
}

export interface IngestOptions {
  /** bulk import: skip the per-commit fsync wait (`synchronous_commit = off` for this
   *  transaction only). A crash may lose the last imports, never corrupt them; re-running the
   *  import restores them, since the same log maps to the same id. */
  bulk?: boolean;
}

export async function ingestLog(prisma: PrismaClient, text: string, opts: IngestOptions = {}): Promise<IngestResult> {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_LOG_BYTES) {
    throw new IngestError(`log is ${bytes} bytes; the limit is ${MAX_LOG_BYTES} bytes (10 MiB)`, 413);
  }
  const normalized = normalizeLog(text.replace(/\u0000/g, ""));
  const hash = contentHash(normalized);
  const id = bisectionIdFor(hash);
  const known = await prisma.bisection.findUnique({ where: { contentHash: hash }, select: { id: true, outcome: true } });
  if (known) return { id: known.id, duplicate: true, outcome: known.outcome, warnings: 0 };

  const parsed = parseBisectionLog(normalized);
  if (!parsed.ok) throw new IngestError(parsed.reason, 400, parsed.line);
  const log = parsed.log;
  const judgement = judgeBisection(log);
  try {
    await prisma.$transaction(async (tx) => {
      if (opts.bulk) await tx.$executeRaw`SET LOCAL synchronous_commit = off`;
      await store(tx as unknown as PrismaClient, id, hash, normalized, log, judgement);
    }, {
      timeout: 60_000,
    });
  } catch (e) {
    // the same log stored by a concurrent upload while we parsed it
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const row = await prisma.bisection.findUnique({ where: { contentHash: hash }, select: { id: true, outcome: true } });
      if (row) return { id: row.id, duplicate: true, outcome: row.outcome, warnings: 0 };
    }
    throw e;
  }
  return { id, duplicate: false, outcome: log.outcome, warnings: log.warnings.length };
}

async function upsertCommits(tx: PrismaClient, log: BisectionLog): Promise<void> {
  const rows = commitRows(log);
  // keep the first subject we learn; never overwrite a known one with null
  await tx.$executeRaw`
    INSERT INTO "commit" (hash, subject, merge_parents)
    SELECT h, s, '{}'::text[] FROM unnest(${rows.map((r) => r.hash)}::text[], ${rows.map((r) => r.subject)}::text[]) AS v(h, s)
    ON CONFLICT (hash) DO UPDATE SET subject = COALESCE("commit".subject, EXCLUDED.subject)`;
  const c = log.commit;
  if (!c) return;
  await tx.commit.update({
    where: { hash: c.hash },
    data: {
      subject: c.subject,
      author: c.authorName || c.author,
      authorEmail: c.authorEmail || null,
      dateText: c.date || null,
      date: c.dateIso ? new Date(c.dateIso) : null,
      message: c.message,
      mergeParents: c.mergeParents,
      filesChanged: c.filesChanged,
      insertions: c.insertions,
      deletions: c.deletions,
    },
  });
  await tx.commitFile.createMany({
    data: c.files.map((f) => ({
      commitHash: c.hash,
      path: f.path,
      created: f.created,
      deleted: f.deleted,
      changes: f.changes,
      insertions: f.insertions,
      deletions: f.deletions,
    })),
    skipDuplicates: true,
  });
}

async function signatureIds(tx: PrismaClient, log: BisectionLog): Promise<Map<string, number>> {
  const titles = signatureTitles(log);
  if (titles.length === 0) return new Map();
  await tx.$executeRaw`
    INSERT INTO "crash_signature" (title) SELECT unnest(${titles}::text[]) ON CONFLICT (title) DO NOTHING`;
  const rows = await tx.crashSignature.findMany({ where: { title: { in: titles } }, select: { id: true, title: true } });
  return new Map(rows.map((r) => [r.title, r.id]));
}

async function store(
  tx: PrismaClient,
  id: string,
  hash: string,
  text: string,
  log: BisectionLog,
  judgement: Judgement,
): Promise<void> {
  await upsertCommits(tx, log);
  const sigs = await signatureIds(tx, log);
  const start = startTitle(log);
  await tx.bisection.create({
    data: {
      id,
      contentHash: hash,
      type: log.type,
      outcome: log.outcome,
      startCommitHash: log.startCommit,
      foundCommitHash: log.commit?.hash ?? null,
      crashSignatureId: log.crash ? (sigs.get(log.crash.title) ?? null) : null,
      startSignatureId: start ? (sigs.get(start) ?? null) : null,
      candidates: log.candidates,
      error: log.error,
      syzkallerCommit: log.syzkallerCommit,
      host: log.host,
      revisionsTested: log.revisionsTested,
      totalSeconds: log.totalSeconds,
      buildSeconds: log.buildSeconds,
      testSeconds: log.testSeconds,
      culpritSignature: log.culpritSignature,
      parentSignature: log.parentSignature,
      errorProbability: log.errorProbability,
      flakyText: log.flaky?.text ?? null,
      horizonMessage: log.horizonCommitMessage,
      recipientsTo: log.recipientsTo,
      recipientsCc: log.recipientsCc,
      bisectStartLine: log.bisectStart?.line ?? null,
      resultLine: log.resultLine,
      truncated: log.truncated,
      headTruncated: log.headTruncated,
      lineCount: log.lineCount,
      stepCount: log.steps.length,
      warnings: log.warnings as unknown as object,
      searchText: searchText(log),
      ...judgementColumns(judgement),
      log: { create: { text, bytes: Buffer.byteLength(text, "utf8") } },
    },
  });
  await insertSteps(tx, id, log, sigs);
  if (log.crash) {
    const crash = log.crash;
    await tx.crashReport.create({
      data: {
        bisectionId: id,
        signatureId: sigs.get(crash.title)!,
        line: crash.line,
        endLine: crash.endLine,
        header: crash.header,
        guiltyFile: judgement.guilty?.file ?? crash.guiltyFile,
        guiltyFrame: judgement.guilty?.frameIndex ?? crash.guiltyFrame,
      },
    });
    await insertFrames(tx, id, crash.frames);
  }
}
