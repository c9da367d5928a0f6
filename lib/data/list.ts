import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { encodeCursor, type ListCursor, type ListParams } from "@/lib/validations/list";
import type { BisectionListPage, BisectionListRow } from "@/lib/view-types";
import { countQuery, estimateQuery, narrowsRows, pageRowsQuery, readsBackwards, tallyQuery } from "./list-query";

export type { BisectionListPage, BisectionListRow };

/** A row of pageRowsQuery. */
interface ListSqlRow {
  id: string;
  uploaded_at: Date;
  started_at: Date | null;
  found_commit_hash: string | null;
  type: string;
  outcome: string;
  verdict: string;
  verdict_headline: string | null;
  step_count: number;
  candidates: number;
  error: string | null;
  crash_title: string | null;
  start_title: string | null;
  culprit_hash: string | null;
  culprit_subject: string | null;
  culprit_author: string | null;
  has_syzbot: boolean;
  log_xid: string | null;
  bug_extid: string | null;
  bug_id: string | null;
  bug_title: string | null;
  log_url: string | null;
  bug_url: string | null;
  console_url: string | null;
  config_url: string | null;
  syz_repro_url: string | null;
  c_repro_url: string | null;
  right_marks: number;
  wrong_marks: number;
  /** best match's tier (0: the crash title holds the search), as the query gave it; null in other sorts */
  tier: number | null;
}

function toRow(b: ListSqlRow): BisectionListRow {
  return {
    id: b.id,
    uploadedAt: b.uploaded_at.toISOString(),
    startedAt: b.started_at?.toISOString() ?? null,
    type: b.type,
    outcome: b.outcome,
    verdict: b.verdict,
    verdictHeadline: b.verdict_headline,
    crashTitle: b.crash_title,
    startTitle: b.start_title,
    foundCommit: b.culprit_hash === null ? null : { hash: b.culprit_hash, subject: b.culprit_subject, author: b.culprit_author },
    candidates: b.candidates,
    error: b.error === null ? null : b.error.slice(0, 200),
    commitsTested: b.step_count,
    syzbot: b.has_syzbot
      ? {
          logXid: b.log_xid,
          bugExtid: b.bug_extid,
          bugId: b.bug_id,
          bugTitle: b.bug_title,
          logUrl: b.log_url,
          bugUrl: b.bug_url,
          consoleUrl: b.console_url,
          configUrl: b.config_url,
          syzReproUrl: b.syz_repro_url,
          cReproUrl: b.c_repro_url,
        }
      : null,
    marks: { right: b.right_marks, wrong: b.wrong_marks },
  };
}

/** A search, path or mark filter that matches much of the table is counted only this far:
 *  counting every match would cost more than the page itself (BENCHMARKS.md). Filters on type,
 *  outcome and verdict alone are counted exactly from the tally. */
export const SEARCH_COUNT_CAP = 1_000;

/** A narrowing filter the planner expects to match at least this many rows is shown as
 *  "1,000+" without counting: counting to the cap reads a thousand rows' search text (some
 *  100 ms at 100,000 rows for `kvm_wait`, BENCHMARKS.md). The trigram and path estimates were
 *  within 1.5x of the truth on the benchmark's searches (kvm_wait: 5,286 expected, 4,039 found
 *  at 100,000 rows; 55,721 and some 44,000 at 1,000,000). */
export const UNCOUNTED_ESTIMATE = 5 * SEARCH_COUNT_CAP;

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

/** The columns of a row that place it in the list's order. */
export type CursorRow = Pick<ListSqlRow, "id" | "uploaded_at" | "started_at" | "crash_title" | "found_commit_hash" | "step_count" | "outcome" | "verdict" | "tier">;

/** A row's place in the list's order, for the cursor of the page next to it. */
export function cursorOf(p: Pick<ListParams, "sort">, b: CursorRow): ListCursor {
  const key = {
    relevance: b.tier === 0 ? 0 : 1,
    uploaded: null,
    ran: b.started_at?.toISOString() ?? null,
    title: b.crash_title,
    commit: b.found_commit_hash,
    tested: b.step_count,
    outcome: b.outcome,
    verdict: b.verdict,
  }[p.sort];
  return { key, at: b.uploaded_at.toISOString(), id: b.id };
}

async function listBisectionsNow(prisma: PrismaClient, p: ListParams): Promise<BisectionListPage> {
  const skip = (p.page - 1) * p.per;
  // filters on type, outcome and verdict alone: the exact count, from the tally
  const tally = narrowsRows(p) ? null : Number((await prisma.$queryRaw<{ n: bigint }[]>(tallyQuery(p)))[0].n);
  const few = tally === null || tally < FEW_ROWS;
  const rows = await prisma.$queryRaw<ListSqlRow[]>(pageRowsQuery(p, few));
  // a cursor that leads nowhere (less than a page before it, nothing after it: the link was
  // edited or its rows are gone) opens the first page; counting to its page number could read
  // every row of the table
  if ((readsBackwards(p) && rows.length < p.per) || (p.after && rows.length === 0 && p.page > 1)) {
    return listBisectionsNow(prisma, { ...p, after: undefined, before: undefined, page: 1 });
  }
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
  const pages = Math.max(1, Math.ceil(total / p.per));
  const more = rows.length === p.per && (capped || p.page < pages);
  return {
    rows: rows.map(toRow),
    total,
    capped,
    page: p.page,
    per: p.per,
    pages,
    after: more ? encodeCursor(cursorOf(p, rows[rows.length - 1])) : null,
    before: p.page > 1 && rows.length > 0 ? encodeCursor(cursorOf(p, rows[0])) : null,
  };
}

/** The bisection a search names by its id (the 12 hex digits of its /b/ link), or null: a
 *  reader pastes the id from a URL, and no commit or title matches it. */
export async function bisectionNamedBy(prisma: PrismaClient, q: string | undefined): Promise<{ id: string; title: string | null } | null> {
  const id = q?.trim().toLowerCase() ?? "";
  if (!/^[0-9a-f]{12}$/.test(id)) return null;
  const b = await prisma.bisection.findUnique({ where: { id }, select: { id: true, crashSignature: { select: { title: true } }, startSignature: { select: { title: true } } } });
  return b ? { id: b.id, title: b.crashSignature?.title ?? b.startSignature?.title ?? null } : null;
}
