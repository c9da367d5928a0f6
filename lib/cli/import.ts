// `cli import <file|dir>...`: every log through lib/ingest, with a progress bar and a summary.
import { readFile } from "node:fs/promises";
import { createPrismaClient } from "@/lib/db";
import { ensureDatabase } from "@/lib/server/database";
import { IngestError } from "@/lib/ingest";
import { identityFromFileName, ingestLogWithIdentity } from "@/lib/ingest/syzbot-identity";
import { SyzbotError } from "@/lib/syzbot/fetch";
import { databaseUnavailableReason } from "@/lib/db-errors";
import { expandInputs } from "./inputs";
import { progressBar } from "./progress";

type Out = (s: string) => void;

export async function cmdImport(args: string[], out: Out, err: Out, concurrency = 4): Promise<number> {
  const { files, missing } = expandInputs(args);
  for (const m of missing) err(`bisectview: ${m}: no such file or directory`);
  if (missing.length || !files.length) {
    if (!files.length && !missing.length) err("bisectview: no input files");
    return 1;
  }
  let db: Awaited<ReturnType<typeof ensureDatabase>>;
  try {
    db = await ensureDatabase((s) => err(`[bisectview] ${s}`), "cli import");
  } catch (e) {
    const down = databaseUnavailableReason(e);
    if (down === null) throw e;
    err(`bisectview: database unavailable (${down}): nothing imported`);
    return 3;
  }
  const prisma = createPrismaClient(db.url);
  const bar = progressBar(files.length, "import");
  let imported = 0;
  let duplicates = 0;
  const rejected: { file: string; reason: string }[] = [];
  let next = 0;
  let done = 0;
  /** set on the first outage: the workers stop taking files, and the import ends with one line */
  let outage: string | null = null;
  const t0 = Date.now();
  const worker = async () => {
    while (next < files.length && outage === null) {
      const file = files[next++];
      try {
        // Log_<x>.txt is syzbot's /x/bisect.txt?x=<x>: the bisection links back to it
        const res = await ingestLogWithIdentity(prisma, await readFile(file, "utf8"), identityFromFileName(file), { bulk: true });
        if (res.duplicate) duplicates++;
        else imported++;
      } catch (e) {
        const down = e instanceof IngestError ? null : databaseUnavailableReason(e);
        if (down !== null) {
          outage ??= down;
          break;
        }
        const reason = e instanceof IngestError ? `${e.message}${e.line ? ` (line ${e.line})` : ""}` : e instanceof SyzbotError ? e.message : `internal error: ${(e as Error).message}`;
        rejected.push({ file, reason });
      }
      bar.tick(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  bar.done();
  if (outage !== null) {
    err(
      `bisectview: database unavailable (${outage}): stopped after ${imported + duplicates} of ${files.length} files stored (${imported} new); run the same command again to resume (stored logs are skipped as duplicates)`,
    );
    await prisma.$disconnect().catch(() => {});
    await db.stop().catch(() => {});
    return 3;
  }
  const secs = (Date.now() - t0) / 1000;
  out(`imported: ${imported}, duplicates: ${duplicates}, rejected: ${rejected.length} (${files.length} files in ${secs.toFixed(1)} s, ${(files.length / secs).toFixed(0)} logs/s)`);
  for (const r of rejected) out(`  rejected ${r.file}: ${r.reason}`);
  await prisma.$disconnect();
  await db.stop();
  return rejected.length ? 2 : 0;
}
