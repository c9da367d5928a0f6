import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ListParams } from "@/lib/validations/list";
import type { BisectionListPage, BisectionListRow } from "@/lib/view-types";

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

/** `%`, `_` and `\\` taken literally in a LIKE pattern (PostgreSQL's default escape is `\\`). */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, "\\$&");
}

/** What a path-prefix filter matches: the paths that start with it, and diffstat paths git
 *  shortened to `.../tail` whose tail starts inside it at a directory boundary with at least
 *  two components (`.../bindings/regulator/x.yaml` for `Documentation/devicetree/bindings/regulator/`). */
export function pathPrefixes(prefix: string): string[] {
  const parts = prefix.split("/");
  const out = [prefix];
  const named = parts.filter(Boolean).length;
  for (let i = 1, left = named - 1; left >= 2; i++, left--) out.push(`.../${parts.slice(i).join("/")}`);
  return out;
}

export function listWhere(p: ListParams): Prisma.BisectionWhereInput {
  const where: Prisma.BisectionWhereInput = {};
  if (p.type) where.type = p.type;
  if (p.outcome) where.outcome = p.outcome;
  if (p.verdict) where.verdict = p.verdict;
  // Prisma passes these into LIKE as they are: `%` and `_` must not act as wildcards
  if (p.q) where.searchText = { contains: likeEscape(p.q.toLowerCase()) };
  if (p.path) where.culprit = { files: { some: { OR: pathPrefixes(p.path).map((x) => ({ path: { startsWith: likeEscape(x) } })) } } };
  if (p.mark === "marked") where.marks = { some: {} };
  else if (p.mark === "unmarked") where.marks = { none: {} };
  else if (p.mark) where.marks = { some: { verdict: p.mark, next: { is: null } } };
  return where;
}

function orderBy(p: ListParams): Prisma.BisectionOrderByWithRelationInput[] {
  const d = p.dir;
  const byKey: Record<ListParams["sort"], Prisma.BisectionOrderByWithRelationInput> = {
    uploaded: { uploadedAt: d },
    ran: { startedAt: { sort: d, nulls: "last" } },
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

/** A text search that matches much of the table is counted only this far: counting every
 *  match would cost more than the page itself (BENCHMARKS.md). */
export const SEARCH_COUNT_CAP = 1_000;

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

async function listBisectionsNow(prisma: PrismaClient, p: ListParams): Promise<BisectionListPage> {
  const where = listWhere(p);
  const skip = (p.page - 1) * p.per;
  const rows = await prisma.bisection.findMany({ where, orderBy: orderBy(p), skip, take: p.per, select: listSelect });
  let total: number;
  let capped = false;
  if (rows.length > 0 && rows.length < p.per) {
    total = skip + rows.length; // the last page: no count needed
  } else {
    const cap = p.q ? SEARCH_COUNT_CAP : undefined;
    const counted = await countBisections(prisma, p, cap === undefined ? undefined : cap + 1);
    capped = cap !== undefined && counted > cap;
    total = capped ? cap! : counted;
  }
  return { rows: rows.map(toRow), total, capped, page: p.page, per: p.per, pages: Math.max(1, Math.ceil(total / p.per)) };
}

/** The list's filters as SQL, for counting. Prisma's `count({take})` wraps the filter in an
 *  `ORDER BY id LIMIT n` subquery, which sorts every match before it stops; this stops at n.
 *  Patterns are escaped exactly as in `listWhere`. */
async function countBisections(prisma: PrismaClient, p: ListParams, limit?: number): Promise<number> {
  const conds: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (p.type) conds.push(Prisma.sql`b.type = ${p.type}`);
  if (p.outcome) conds.push(Prisma.sql`b.outcome = ${p.outcome}`);
  if (p.verdict) conds.push(Prisma.sql`b.verdict = ${p.verdict}`);
  if (p.q) conds.push(Prisma.sql`b.search_text LIKE ${`%${likeEscape(p.q.toLowerCase())}%`}`);
  if (p.path) {
    const likes = pathPrefixes(p.path).map((x) => Prisma.sql`f.path LIKE ${`${likeEscape(x)}%`}`);
    conds.push(Prisma.sql`EXISTS (SELECT 1 FROM "culprit_file" f WHERE f.bisection_id = b.id AND (${Prisma.join(likes, " OR ")}))`);
  }
  if (p.mark === "marked") conds.push(Prisma.sql`EXISTS (SELECT 1 FROM "developer_mark" m WHERE m.bisection_id = b.id)`);
  else if (p.mark === "unmarked") conds.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "developer_mark" m WHERE m.bisection_id = b.id)`);
  else if (p.mark) {
    conds.push(Prisma.sql`EXISTS (SELECT 1 FROM "developer_mark" m WHERE m.bisection_id = b.id AND m.verdict = ${p.mark}
      AND NOT EXISTS (SELECT 1 FROM "developer_mark" n WHERE n.supersedes = m.id))`);
  }
  const where = Prisma.join(conds, " AND ");
  const inner = limit === undefined ? Prisma.sql`SELECT 1 FROM "bisection" b WHERE ${where}` : Prisma.sql`SELECT 1 FROM "bisection" b WHERE ${where} LIMIT ${limit}`;
  const [row] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (${inner}) AS sub`;
  return Number(row.n);
}
