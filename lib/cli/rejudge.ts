// `cli rejudge`: re-judge every stored bisection an older judge gave its verdict
// (lib/ingest/rejudge.ts), to completion, before or instead of the server's start-up pass.
import { createPrismaClient } from "@/lib/db";
import { databaseUnavailableReason } from "@/lib/db-errors";
import { JUDGE_VERSION } from "@/lib/analysis/version";
import { rejudgeStale, staleJudgements } from "@/lib/ingest/rejudge";
import { ensureDatabase } from "@/lib/server/database";

type Out = (s: string) => void;

export async function cmdRejudge(args: string[], out: Out, err: Out): Promise<number> {
  if (args.length > 0) {
    err(`bisectview: rejudge takes no arguments (got ${args.join(" ")})`);
    return 1;
  }
  let db: Awaited<ReturnType<typeof ensureDatabase>>;
  try {
    db = await ensureDatabase((s) => err(`[bisectview] ${s}`), "cli rejudge");
  } catch (e) {
    const down = databaseUnavailableReason(e);
    if (down === null) throw e;
    err(`bisectview: database unavailable (${down}): nothing re-judged`);
    return 3;
  }
  const prisma = createPrismaClient(db.url);
  try {
    const stale = await staleJudgements(prisma);
    const t0 = Date.now();
    const p = await rejudgeStale(prisma, { batch: 50, yieldBetween: false });
    for (const r of p.refused) err(`bisectview: ${r.id}: the parser now refuses its log (${r.reason}); its verdict is kept`);
    out(`re-judged ${p.rejudged} of ${stale} bisections judged before judge version ${JUDGE_VERSION} (${p.changed} verdicts changed) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return 0;
  } catch (e) {
    const down = databaseUnavailableReason(e);
    if (down === null) throw e;
    err(`bisectview: database unavailable (${down}): stopped; run the same command again to go on (re-judged rows are kept)`);
    return 3;
  } finally {
    await prisma.$disconnect();
    await db.stop().catch(() => {});
  }
}
