import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { consensus, summarizeMarks, type MarkView } from "@/lib/marks/summary";
import { MARK_VERDICTS, word } from "@/lib/domain/words";

const markSelect = { id: true, who: true, verdict: true, realCulprit: true, note: true, loreLink: true, createdAt: true } as const;

/** A stored mark row as the view shows it: its verdict as the word the CHECK constraint holds. */
const toView = (m: { id: number; verdict: string; createdAt: Date } & Omit<MarkView, "createdAt" | "verdict" | "id">): MarkView => ({
  ...m,
  verdict: word(MARK_VERDICTS, m.verdict, `mark ${m.id} verdict`),
  createdAt: m.createdAt.toISOString(),
});

/** Every mark on a bisection, oldest first, with the developers' current verdicts. */
export async function marksOf(prisma: PrismaClient, bisectionId: string) {
  const rows = await prisma.developerMark.findMany({ where: { bisectionId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: markSelect });
  const history = rows.map(toView);
  const s = summarizeMarks(history);
  return { right: s.right, wrong: s.wrong, culprits: s.culprits, history: history.map((m) => ({ ...m, superseded: s.superseded.has(m.id) })) };
}

/** Marks on the bisections that found this commit, and the marks that name it the real culprit. */
export async function marksOnCommit(prisma: PrismaClient, hash: string) {
  const found = await prisma.developerMark.findMany({
    where: { bisection: { foundCommitHash: hash } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...markSelect, bisectionId: true },
  });
  const byBisection = new Map<string, MarkView[]>();
  for (const m of found) (byBisection.get(m.bisectionId) ?? byBisection.set(m.bisectionId, []).get(m.bisectionId)!).push(toView(m));
  // one developer counts once per verdict, however many bisections of this culprit they marked
  const wrong = new Set<string>();
  const right = new Set<string>();
  for (const marks of byBisection.values()) for (const m of summarizeMarks(marks).current) (m.verdict === "wrong" ? wrong : right).add(m.who);
  const named = await prisma.developerMark.findMany({
    where: { realCulprit: { in: [hash, hash.slice(0, 7), hash.slice(0, 12)] }, next: { is: null } },
    select: { bisectionId: true, who: true },
  });
  return { wrong: wrong.size, right: right.size, bisections: byBisection.size, namedRealCulprit: named };
}

/** The developers' marks in the shape of ../shared/corpus/labels.json, keyed `Log_<x>` when the
 *  syzbot log id is known and by the bisection id otherwise; `id` is the permalink id. */
export async function exportLabels(prisma: PrismaClient) {
  const rows = await prisma.bisection.findMany({
    where: { marks: { some: {} } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      foundCommitHash: true,
      candidates: true,
      crashSignature: { select: { title: true } },
      syzbot: { select: { logXid: true, bugTitle: true } },
      marks: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: markSelect },
    },
  });
  const out: Record<string, { correct: boolean | null; groundTruth: string | null; inconclusive: string[]; syzbotResult: string | null; title: string | null; id: string; marks: number }> = {};
  for (const b of rows) {
    const s = summarizeMarks(b.marks.map(toView));
    const correct = consensus(s);
    const named = s.culprits[0]?.hash ?? null;
    out[b.syzbot?.logXid ? `Log_${b.syzbot.logXid}` : b.id] = {
      correct,
      groundTruth: correct === true ? b.foundCommitHash : named,
      inconclusive: b.foundCommitHash ? [] : b.candidates,
      syzbotResult: b.foundCommitHash,
      title: b.syzbot?.bugTitle ?? b.crashSignature?.title ?? null,
      id: b.id,
      marks: s.current.length,
    };
  }
  return out;
}
