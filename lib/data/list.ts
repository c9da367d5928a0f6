import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ListParams } from "@/lib/validations/list";
import type { BisectionListPage, BisectionListRow } from "@/lib/view-types";
import { countQuery, estimateQuery, narrowsRows, pageIdsQuery, tallyQuery } from "./list-query";

export type { BisectionListPage, BisectionListRow };

const listSelect = {
  id: true,
  uploadedAt: true,
  startedAt: true,
  type: true,
  outcome: true,
  verdict: true,
  verdictHeadline: true,
  stepCount: true,
  candidates: true,
  error: true,
  crashSignature: { select: { title: true } },
  startSignature: { select: { title: true } },
  culprit: { select: { hash: true, subject: true, author: true } },
  syzbot: { select: { logXid: true, bugExtid: true, bugId: true, bugTitle: true, logUrl: true, bugUrl: true, consoleUrl: true, configUrl: true, syzReproUrl: true, cReproUrl: true } },
  // each developer's current mark (one not superseded by a later one of theirs)
  marks: { where: { next: { is: null } }, select: { verdict: true } },
} satisfies Prisma.BisectionSelect;

type ListPayload = Prisma.BisectionGetPayload<{ select: typeof listSelect }>;

function toRow(b: ListPayload): BisectionListRow {
  return {
    id: b.id,
    uploadedAt: b.uploadedAt.toISOString(),
    startedAt: b.startedAt?.toISOString() ?? null,
    type: b.type,
    outcome: b.outcome,
    verdict: b.verdict,
    verdictHeadline: b.verdictHeadline,
    crashTitle: b.crashSignature?.title ?? null,
    startTitle: b.startSignature?.title ?? null,
    foundCommit: b.culprit,
    candidates: b.candidates.length,
    error: b.error ? b.error.split("\n")[0].slice(0, 200) : null,
    commitsTested: b.stepCount,
    syzbot: b.syzbot,
    marks: { right: b.marks.filter((m) => m.verdict === "right").length, wrong: b.marks.filter((m) => m.verdict === "wrong").length },
  };
}

/** A search, path or mark filter that matches much of the table is counted only this far:
 *  counting every match would cost more than the page itself (BENCHMARKS.md). Filters on type,
 *  outcome and verdict alone are counted exactly from the tally. */
export const SEARCH_COUNT_CAP = 1_000;

/** A narrowing filter the planner expects to match at least this many rows is shown as
 *  "1,000+" without counting (its estimates are within a few times of the truth here). */
export const UNCOUNTED_ESTIMATE = 20 * SEARCH_COUNT_CAP;

async function estimatedMatches(prisma: PrismaClient, p: ListParams): Promise<number> {
  const [row] = await prisma.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>(estimateQuery(p));
  return row["QUERY PLAN"][0].Plan["Plan Rows"];
}

/** Identical list queries running at the same time share one round trip (200 readers of `/`
 *  arriving together make one query, not 200); nothing is kept once it answers. */
const inFlight = new WeakMap<PrismaClient, Map<string, Promise<BisectionListPage>>>();

export async function listBisections(prisma: PrismaClient, p: ListParams): Promise<BisectionListPage> {
  let mine = inFlight.get(prisma);
  if (!mine) inFlight.set(prisma, (mine = new Map()));
  const key = JSON.stringify(p);
  const pending = mine.get(key);
  if (pending) return pending;
  const work = listBisectionsNow(prisma, p);
  mine.set(key, work);
  try {
    return await work;
  } finally {
    mine.delete(key);
  }
}

/** Below this many rows a filter on type, outcome or verdict is sorted whole rather than taken
 *  in index order value by value (which would read every row of the other values). */
const FEW_ROWS = 5_000;

async function listBisectionsNow(prisma: PrismaClient, p: ListParams): Promise<BisectionListPage> {
  const skip = (p.page - 1) * p.per;
  // filters on type, outcome and verdict alone: the exact count, from the tally
  const tally = narrowsRows(p) ? null : Number((await prisma.$queryRaw<{ n: bigint }[]>(tallyQuery(p)))[0].n);
  const few = tally === null || tally < FEW_ROWS;
  const ids = (await prisma.$queryRaw<{ id: string }[]>(pageIdsQuery(p, few))).map((r) => r.id);
  const found = await prisma.bisection.findMany({ where: { id: { in: ids } }, select: listSelect });
  const byId = new Map(found.map((b) => [b.id, b]));
  const rows = ids.flatMap((id) => byId.get(id) ?? []);
  let total: number;
  let capped = false;
  if (tally !== null) total = tally;
  else if (rows.length > 0 && rows.length < p.per) total = skip + rows.length; // the last page: no count needed
  else {
    // a filter PostgreSQL expects to match far more than the cap is not counted: counting even
    // to the cap reads that many rows' search text or paths (BENCHMARKS.md, 1,000,000 rows)
    const counted = (await estimatedMatches(prisma, p)) >= UNCOUNTED_ESTIMATE ? Infinity : Number((await prisma.$queryRaw<{ n: bigint }[]>(countQuery(p, SEARCH_COUNT_CAP + 1)))[0].n);
    capped = counted > SEARCH_COUNT_CAP;
    total = capped ? SEARCH_COUNT_CAP : counted;
  }
  return { rows: rows.map(toRow), total, capped, page: p.page, per: p.per, pages: Math.max(1, Math.ceil(total / p.per)) };
}
