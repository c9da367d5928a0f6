// The write path for developers' marks. A mark is never changed: a developer's new mark on the
// same bisection is a new row that `supersedes` their previous one.
import { MARK_VERDICTS, word } from "@/lib/domain/words";
import type { MarkView } from "@/lib/marks/summary";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { MarkInput } from "@/lib/validations/mark";
import { isUniqueViolation } from "./store";

export class MarkError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 404 | 409 | 413,
  ) {
    super(message);
    this.name = "MarkError";
  }
}

/** A mark as stored: the view's fields, with its time as a Date and the mark it replaces. */
export type StoredMark = Omit<MarkView, "createdAt"> & { createdAt: Date; supersedes: number | null };

export async function addMark(prisma: PrismaClient, bisectionId: string, who: string, mark: MarkInput): Promise<StoredMark> {
  const b = await prisma.bisection.findUnique({ where: { id: bisectionId }, select: { foundCommitHash: true } });
  if (!b) throw new MarkError(`no bisection ${bisectionId}`, 404);
  // "wrong, the real culprit is X" where X is the commit this bisection found says both at once
  if (mark.realCulprit && b.foundCommitHash?.startsWith(mark.realCulprit))
    throw new MarkError(
      `culprit: ${mark.realCulprit} is the commit this bisection found; mark it "right" if it is the culprit, or name the commit that is`,
      400,
    );
  for (let attempt = 0; attempt < 3; attempt++) {
    const previous = await prisma.developerMark.findFirst({
      where: { bisectionId, who, next: { is: null } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true },
    });
    try {
      const row = await prisma.developerMark.create({
        data: { bisectionId, who, ...mark, supersedes: previous?.id ?? null },
        select: { id: true, who: true, verdict: true, realCulprit: true, note: true, loreLink: true, createdAt: true, supersedes: true },
      });
      return { ...row, verdict: word(MARK_VERDICTS, row.verdict, `mark ${row.id} verdict`) };
    } catch (e) {
      // the same developer marked it concurrently: their other mark is now the previous one
      if (!isUniqueViolation(e)) throw e;
    }
  }
  throw new MarkError(`marks by ${who} on ${bisectionId} keep colliding; try again`, 409);
}
