import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

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
  const commit = await prisma.commit.findUnique({
    where: { hash },
    select: {
      hash: true,
      subject: true,
      author: true,
      authorEmail: true,
      dateText: true,
      mergeParents: true,
      files: { select: { path: true, created: true, deleted: true, insertions: true, deletions: true }, orderBy: { path: "asc" } },
    },
  });
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
  const [found, candidateOf, steps] = await Promise.all([
    prisma.bisection.findMany({ where: { foundCommitHash: hash }, select: bisectionSelect, orderBy: { uploadedAt: "desc" }, take: 500 }),
    prisma.bisection.findMany({ where: { candidates: { has: hash } }, select: bisectionSelect, orderBy: { uploadedAt: "desc" }, take: 200 }),
    prisma.step.findMany({
      where: { commitHash: hash },
      select: {
        index: true,
        role: true,
        verdict: true,
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
  return { commit, found, candidateOf, steps };
}

export type CommitRecord = NonNullable<Awaited<ReturnType<typeof getCommitRecord>>>;
