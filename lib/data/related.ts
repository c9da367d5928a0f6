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
  const sigs = (await prisma.crashSignature.findMany({ where: { title: { in: wanted } }, select: { id: true } })).map((s) => s.id);
  if (sigs.length === 0) return [];
  const ids = (
    await prisma.$queryRaw<{ id: string }[]>`
      SELECT x.id FROM unnest(${sigs}::int[]) AS s(sig) CROSS JOIN LATERAL (
        (SELECT b.id, b.uploaded_at FROM "bisection" b WHERE b.crash_signature_id = s.sig AND b.id <> ${id} ORDER BY b.uploaded_at DESC LIMIT ${RELATED})
        UNION ALL
        (SELECT b.id, b.uploaded_at FROM "bisection" b WHERE b.start_signature_id = s.sig AND b.id <> ${id} ORDER BY b.uploaded_at DESC LIMIT ${RELATED})
      ) AS x
      GROUP BY x.id ORDER BY max(x.uploaded_at) DESC, x.id LIMIT ${RELATED}`
  ).map((r) => r.id);
  const rows = await prisma.bisection.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      type: true,
      outcome: true,
      verdict: true,
      uploadedAt: true,
      startedAt: true,
      culprit: { select: { hash: true, subject: true } },
      crashSignature: { select: { title: true } },
      startSignature: { select: { title: true } },
    },
  });
  const byId = new Map(rows.map(({ culprit, ...r }) => [r.id, { ...headWords(r), foundCommit: culprit }]));
  return ids.flatMap((i) => byId.get(i) ?? []);
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
