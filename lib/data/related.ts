import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { unspecificTitle } from "@/lib/analysis/off-target-kind";
import { titleKey } from "@/lib/analysis/titles";
import { unique } from "@/lib/unique";
import { headWords, stepWords } from "./read-back";

/** Titles specific enough to name one bug: not `... in corrupted`, `lost connection to test
 *  machine`, `no output from test machine`, `SYZFATAL: ...` and the like, which many unrelated
 *  bisections share. */
export function relatedTitles(titles: string[]): string[] {
  return unique(titles).filter((t) => t && !unspecificTitle(titleKey(t)));
}

/** Other bisections of the same crash: same final or start crash title, when it is specific. */
/** Other bisections listed on a bisection page; the list search finds them all. */
export const RELATED_SHOWN = 10;

export async function otherBisectionsOfCrash(prisma: PrismaClient, id: string, titles: string[]) {
  const wanted = relatedTitles(titles);
  if (wanted.length === 0) return [];
  const rows = await prisma.bisection.findMany({
    where: {
      id: { not: id },
      OR: [{ crashSignature: { title: { in: wanted } } }, { startSignature: { title: { in: wanted } } }],
    },
    select: {
      id: true,
      type: true,
      outcome: true,
      verdict: true,
      uploadedAt: true,
      culprit: { select: { hash: true, subject: true } },
      crashSignature: { select: { title: true } },
    },
    orderBy: { uploadedAt: "desc" },
    take: RELATED_SHOWN + 1, // one more says there are more
  });
  return rows.map(({ culprit, ...r }) => ({ ...headWords(r), foundCommit: culprit }));
}

/** What the compare page needs of one side. */
export async function getCompareSide(prisma: PrismaClient, id: string) {
  const row = await prisma.bisection.findUnique({
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
      steps: {
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
          runs: { select: { outcome: true, title: true } },
        },
      },
    },
  });
  return row && { ...headWords(row), steps: row.steps.map((s, i) => stepWords(s, `bisection ${id} step ${i}`)) };
}
