import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { unspecificTitle } from "@/lib/analysis/off-target-kind";
import { titleKey } from "@/lib/analysis/titles";
import { unique } from "@/lib/unique";
import { headWords, stepWords } from "./read-back";
import { cachedImmutable } from "./immutable-cache";

/** Titles specific enough to name one bug: not `... in corrupted`, `lost connection to test
 *  machine`, `no output from test machine`, `SYZFATAL: ...` and the like, which many unrelated
 *  bisections share. */
export function relatedTitles(titles: string[]): string[] {
  return unique(titles).filter((t) => t && !unspecificTitle(titleKey(t)));
}

/** Other bisections listed on a bisection page; the list search finds them all. */
export const RELATED_SHOWN = 10;
/** read one more than shown: it says there are more */
const RELATED = RELATED_SHOWN + 1;

/** Other bisections of the same crash: same final or start crash title, when it is specific.
 *  The newest of each title and role come from that index in order, so the read stays small
 *  however many bisections share a title (thousands at 1,000,000 rows). */
export async function otherBisectionsOfCrash(prisma: PrismaClient, id: string, titles: string[]) {
  const wanted = relatedTitles(titles);
  if (wanted.length === 0) return [];
  // one statement: the titles' signatures, each one's newest rows by final and by start title,
  // and what the list shows of them (three Prisma queries with their relations cost 11-15 ms
  // of server CPU a page, BENCHMARKS.md "Server CPU of a page render, round two")
  const rows = await prisma.$queryRaw<RelatedRow[]>`
    WITH page AS (
      SELECT x.id, max(x.uploaded_at) AS at FROM "crash_signature" s CROSS JOIN LATERAL (
        (SELECT b.id, b.uploaded_at FROM "bisection" b WHERE b.crash_signature_id = s.id AND b.id <> ${id} ORDER BY b.uploaded_at DESC LIMIT ${RELATED})
        UNION ALL
        (SELECT b.id, b.uploaded_at FROM "bisection" b WHERE b.start_signature_id = s.id AND b.id <> ${id} ORDER BY b.uploaded_at DESC LIMIT ${RELATED})
      ) AS x
      WHERE s.title = ANY(${wanted}::text[])
      GROUP BY x.id ORDER BY max(x.uploaded_at) DESC, x.id LIMIT ${RELATED})
    SELECT b.id, b.type, b.outcome, b.verdict, b.uploaded_at, b.started_at, u.hash, u.subject, cs.title AS crash_title, ss.title AS start_title
    FROM page JOIN "bisection" b ON b.id = page.id
    LEFT JOIN "culprit" u ON u.bisection_id = b.id
    LEFT JOIN "crash_signature" cs ON cs.id = b.crash_signature_id
    LEFT JOIN "crash_signature" ss ON ss.id = b.start_signature_id
    ORDER BY page.at DESC, page.id`;
  return rows.map((r) =>
    headWords({
      id: r.id,
      type: r.type,
      outcome: r.outcome,
      verdict: r.verdict,
      uploadedAt: r.uploaded_at,
      startedAt: r.started_at,
      crashSignature: r.crash_title === null ? null : { title: r.crash_title },
      startSignature: r.start_title === null ? null : { title: r.start_title },
      foundCommit: r.hash === null ? null : { hash: r.hash, subject: r.subject },
    }),
  );
}

/** A row of otherBisectionsOfCrash's statement. */
interface RelatedRow {
  id: string;
  type: string;
  outcome: string;
  verdict: string;
  uploaded_at: Date;
  started_at: Date | null;
  hash: string | null;
  subject: string | null;
  crash_title: string | null;
  start_title: string | null;
}

/** What the compare page needs of one side: its head read each time (a newer judge may give it
 *  another verdict), its steps and runs once (they never change once stored: cached as
 *  `/b/<id>`'s detail is, so two logs at the size limits are not read in full again on every
 *  request of the pair). */
export async function getCompareSide(prisma: PrismaClient, id: string) {
  const [row, steps] = await Promise.all([
    prisma.bisection.findUnique({
      where: { id },
      select: {
        id: true,
        type: true,
        outcome: true,
        verdict: true,
        foundCommitHash: true,
        culprit: { select: { subject: true } },
        crashSignature: { select: { title: true } },
        startSignature: { select: { title: true } },
      },
    }),
    cachedImmutable(
      prisma,
      `compare-steps:${id}`,
      (ss) => 1 + ss.length + ss.reduce((n, s) => n + s.runs.length, 0),
      async () => {
        const rows = await prisma.step.findMany({
          where: { bisectionId: id },
          orderBy: { index: "asc" },
          select: {
            commitHash: true,
            role: true,
            release: true,
            subject: true,
            verdict: true,
            buildError: true,
            untested: true,
            allRunsOutcome: true,
            allRunsTitle: true,
            runs: { orderBy: { index: "asc" }, select: { outcome: true, title: true } },
          },
        });
        // none: an unknown id, or a log without steps (cheap to read again)
        return rows.length ? rows.map((s, i) => stepWords(s, `bisection ${id} step ${i}`)) : null;
      },
    ),
  ]);
  return row && { ...headWords(row), steps: steps ?? [] };
}
