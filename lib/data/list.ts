import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { ListParams } from "@/lib/validations/list";
import type { BisectionListPage, BisectionListRow } from "@/lib/view-types";

export type { BisectionListPage, BisectionListRow };

const listSelect = {
  id: true,
  uploadedAt: true,
  type: true,
  outcome: true,
  verdict: true,
  verdictHeadline: true,
  stepCount: true,
  candidates: true,
  error: true,
  crashSignature: { select: { title: true } },
  startSignature: { select: { title: true } },
  foundCommit: { select: { hash: true, subject: true, author: true } },
} satisfies Prisma.BisectionSelect;

type ListPayload = Prisma.BisectionGetPayload<{ select: typeof listSelect }>;

export function listWhere(p: ListParams): Prisma.BisectionWhereInput {
  const where: Prisma.BisectionWhereInput = {};
  if (p.type) where.type = p.type;
  if (p.outcome) where.outcome = p.outcome;
  if (p.verdict) where.verdict = p.verdict;
  if (p.q) where.searchText = { contains: p.q.toLowerCase() };
  if (p.path) where.foundCommit = { files: { some: { path: { startsWith: p.path } } } };
  return where;
}

function orderBy(p: ListParams): Prisma.BisectionOrderByWithRelationInput[] {
  const d = p.dir;
  const byKey: Record<ListParams["sort"], Prisma.BisectionOrderByWithRelationInput> = {
    uploaded: { uploadedAt: d },
    title: { crashSignature: { title: d } },
    commit: { foundCommitHash: { sort: d, nulls: "last" } },
    tested: { stepCount: d },
    outcome: { outcome: d },
    verdict: { verdict: d },
  };
  return [byKey[p.sort], { uploadedAt: "desc" }, { id: "asc" }];
}

function toRow(b: ListPayload): BisectionListRow {
  return {
    id: b.id,
    uploadedAt: b.uploadedAt.toISOString(),
    type: b.type,
    outcome: b.outcome,
    verdict: b.verdict,
    verdictHeadline: b.verdictHeadline,
    crashTitle: b.crashSignature?.title ?? null,
    startTitle: b.startSignature?.title ?? null,
    foundCommit: b.foundCommit,
    candidates: b.candidates.length,
    error: b.error ? b.error.split("\n")[0].slice(0, 200) : null,
    commitsTested: b.stepCount,
  };
}

export async function listBisections(prisma: PrismaClient, p: ListParams): Promise<BisectionListPage> {
  const where = listWhere(p);
  const [total, rows] = await Promise.all([
    prisma.bisection.count({ where }),
    prisma.bisection.findMany({
      where,
      orderBy: orderBy(p),
      skip: (p.page - 1) * p.per,
      take: p.per,
      select: listSelect,
    }),
  ]);
  return { rows: rows.map(toRow), total, page: p.page, per: p.per, pages: Math.max(1, Math.ceil(total / p.per)) };
}
