// Re-judging stored bisections after the judge changed (lib/analysis/version.ts). A stored
// bisection keeps its log, so a newer judge's verdict is the one a fresh upload of the same log
// would get: the stored raw text is prepared exactly as ingest prepares it, and the judge's
// columns (verdict, headline, findings, confidence, chance, detail, the crash's guilty file)
// are rewritten with the version, each row in one transaction, and the culprit's files get the
// log's order where they were stored without it. The rest of the row (the parse) is left as
// stored. Idempotent: a row is written only while its version is older, so two
// instances that start at once (or a crash half-way) leave every row as one run would.
import { storedLogText } from "@/lib/raw-log";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { JUDGE_VERSION } from "@/lib/analysis/version";
import { crashGuilty } from "./map";
import { JUDGEMENT_COLUMNS, judgementValues } from "./rows";
import { columnNames, typedValues } from "./sql-columns";
import { isRefusal, prepareNormalized } from "./prepare";

export interface RejudgeProgress {
  /** rows re-judged and written */
  rejudged: number;
  /** verdicts that changed */
  changed: number;
  /** rows whose stored log the parser now refuses: left as judged, marked current, with why */
  refused: { id: string; reason: string }[];
}

export interface RejudgeOptions {
  /** rows read per query (default 20) */
  batch?: number;
  /** called after each batch */
  onBatch?: (p: RejudgeProgress) => void;
  /** stop between batches when it returns true (a server shutting down) */
  stop?: () => boolean;
  /** give the event loop a turn between logs (a serving process; default true) */
  yieldBetween?: boolean;
}

/** How many stored bisections an older judge gave their verdict. */
export async function staleJudgements(prisma: PrismaClient): Promise<number> {
  return prisma.bisection.count({ where: { judgeVersion: { lt: JUDGE_VERSION } } });
}

export async function rejudgeStale(prisma: PrismaClient, opts: RejudgeOptions = {}): Promise<RejudgeProgress> {
  const batch = opts.batch ?? 20;
  const progress: RejudgeProgress = { rejudged: 0, changed: 0, refused: [] };
  // ids only; the texts one at a time, so a batch of 10 MiB logs is never held at once
  let after = "";
  for (;;) {
    if (opts.stop?.()) break;
    const rows = await prisma.bisection.findMany({
      where: { judgeVersion: { lt: JUDGE_VERSION }, id: { gt: after } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, contentHash: true, verdict: true },
    });
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id;
    for (const row of rows) {
      if (opts.yieldBetween ?? true) await new Promise((r) => setImmediate(r));
      const raw = await prisma.rawLog.findUnique({ where: { bisectionId: row.id }, select: { text: true, deflated: true } });
      if (!raw) continue; // deleted meanwhile
      const p = prepareNormalized(storedLogText(raw), row.contentHash, { stored: true });
      if (isRefusal(p)) {
        progress.refused.push({ id: row.id, reason: `line ${p.line ?? "?"}: ${p.reason}` });
        await prisma.bisection.updateMany({ where: { id: row.id, judgeVersion: { lt: JUDGE_VERSION } }, data: { judgeVersion: JUDGE_VERSION } });
        continue;
      }
      const j = p.judgement;
      const guilty = p.log.crash ? crashGuilty(j, p.log.crash) : null;
      // raw statements only: in a batch that also holds a model query, Prisma 7 sent this
      // statement's float8 parameters one digit short (0.0016103927806595964 was stored as
      // 0.001610392780659596, the class of prisma/orm#22249; lib/ingest/rejudge.test.ts compares
      // them with a fresh ingest's)
      const [written] = await prisma.$transaction([
        prisma.$executeRaw`
          UPDATE "bisection" SET (${columnNames(JUDGEMENT_COLUMNS)}) = ROW(${typedValues(JUDGEMENT_COLUMNS, judgementValues(j))})
          WHERE id = ${row.id} AND judge_version < ${JUDGE_VERSION}`,
        prisma.$executeRaw`
          UPDATE crash_report SET guilty_file = ${guilty?.file ?? null}, guilty_frame = ${guilty?.frame ?? null}::int
          WHERE bisection_id = ${row.id} AND ${guilty !== null}`,
        // rows stored before the files' order was kept (migration 20261201180000) get it from the
        // same parse: the first place of each path, as ingest's ON CONFLICT DO NOTHING keeps it
        prisma.$executeRaw`
          UPDATE culprit_file cf SET position = v.pos
          FROM (SELECT DISTINCT ON (path) path, n - 1 AS pos
                FROM unnest(${p.log.commit?.files.map((f) => f.path) ?? []}::text[]) WITH ORDINALITY AS u(path, n) ORDER BY path, n) v
          WHERE cf.bisection_id = ${row.id} AND cf.path = v.path AND cf.position IS NULL`,
      ]);
      if (written === 0) continue; // another instance was first
      progress.rejudged++;
      if (j.verdict !== row.verdict) progress.changed++;
    }
    opts.onBatch?.(progress);
  }
  return progress;
}
