import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { groupAccounts, type CulpritAccount } from "@/lib/commit-accounts";
import { headWords, stepWords } from "./read-back";

/** Commits whose hash starts with `prefix` (7+ hex), at most `limit`. */
export async function findCommits(prisma: PrismaClient, prefix: string, limit = 20) {
  return prisma.commit.findMany({
    where: { hash: { startsWith: prefix.toLowerCase() } },
    select: { hash: true, subject: true },
    orderBy: { hash: "asc" },
    take: limit,
  });
}

/** A commit across all bisections: where it was found, listed as a candidate, and tested. */
export async function getCommitRecord(prisma: PrismaClient, hash: string) {
  const commit = await prisma.commit.findUnique({ where: { hash }, select: { hash: true, subject: true } });
  if (!commit) return null;
  const bisectionSelect = {
    id: true,
    type: true,
    outcome: true,
    verdict: true,
    verdictHeadline: true,
    uploadedAt: true,
    crashSignature: { select: { title: true } },
    startSignature: { select: { title: true } },
  } as const;
  const [accounts, found, candidateOf, steps] = await Promise.all([
    culpritAccounts(prisma, hash),
    prisma.bisection.findMany({ where: { foundCommitHash: hash }, select: bisectionSelect, orderBy: { uploadedAt: "desc" }, take: 500 }),
    prisma.bisection.findMany({ where: { candidates: { has: hash } }, select: bisectionSelect, orderBy: { uploadedAt: "desc" }, take: 200 }),
    prisma.step.findMany({
      where: { commitHash: hash },
      select: {
        index: true,
        role: true,
        release: true,
        verdict: true,
        buildError: true,
        untested: true,
        allRunsOutcome: true,
        allRunsTitle: true,
        line: true,
        endLine: true,
        runs: { select: { outcome: true, title: true } },
        bisection: { select: { id: true, type: true, crashSignature: { select: { title: true } }, startSignature: { select: { title: true } } } },
      },
      orderBy: [{ bisectionId: "asc" }, { index: "asc" }],
      take: 500,
    }),
  ]);
  return {
    commit,
    accounts: groupAccounts(accounts),
    found: found.map(headWords),
    candidateOf: candidateOf.map(headWords),
    steps: steps.map((s) => ({ ...stepWords(s, `bisection ${s.bisection.id} step ${s.index}`), bisection: headWords(s.bisection) })),
  };
}

/** What each log that found the commit printed of it, with its file list as a digest. */
function culpritAccounts(prisma: PrismaClient, hash: string): Promise<CulpritAccount[]> {
  return prisma.$queryRaw<CulpritAccount[]>`
    SELECT c.bisection_id AS "bisectionId", b.uploaded_at AS "uploadedAt", c.subject, c.author, c.author_email AS "authorEmail",
      c.date_text AS "dateText", c.message, coalesce(c.merge_parents, '{}') AS "mergeParents",
      md5(coalesce(string_agg(concat_ws(':', f.path, f.created, f.deleted, f.changes, f.insertions, f.deletions), E'\n' ORDER BY f.path), '')) AS "filesDigest",
      count(f.path)::int AS files
    FROM culprit c JOIN bisection b ON b.id = c.bisection_id LEFT JOIN culprit_file f ON f.bisection_id = c.bisection_id
    WHERE c.hash = ${hash}
    GROUP BY c.bisection_id, b.uploaded_at
    ORDER BY b.uploaded_at, c.bisection_id
    LIMIT 500`;
}

export type CommitRecord = NonNullable<Awaited<ReturnType<typeof getCommitRecord>>>;
