// `cli import <file|dir>...`: every log through lib/ingest's bulk import, with a progress bar
// and a summary.
import { ensureDatabase } from "@/lib/server/database";
import { bulkImport } from "@/lib/ingest/bulk-import";
import { readLogFile } from "@/lib/ingest/read-file";
import { identityFromFileName } from "@/lib/ingest/syzbot-identity";
import { databaseUnavailableReason } from "@/lib/db-errors";
import { expandInputs } from "./inputs";
import { progressBar } from "./progress";

type Out = (s: string) => void;

export async function cmdImport(args: string[], out: Out, err: Out): Promise<number> {
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
  const bar = progressBar(files.length, "import");
  let imported = 0;
  let duplicates = 0;
  const rejected: { file: string; reason: string }[] = [];
  let done = 0;
  const t0 = Date.now();
  try {
    // several logs per transaction, parsed in a worker thread while the database writes
    await bulkImport(db.url, files, {
      // the size first: a file over the log limit is refused unread, the others go on
      read: readLogFile,
      // Log_<x>.txt is syzbot's /x/bisect.txt?x=<x>: the bisection links back to it
      identity: identityFromFileName,
      isOutage: (e) => databaseUnavailableReason(e) !== null,
      onResult: (r) => {
        if (r.status === "rejected") rejected.push({ file: r.name, reason: r.reason });
        else if (r.status === "stored") imported++;
        else duplicates++;
        bar.tick(++done);
      },
    });
  } catch (e) {
    const outage = databaseUnavailableReason(e);
    if (outage === null) throw e;
    bar.done();
    err(
      `bisectview: database unavailable (${outage}): stopped after ${imported + duplicates} of ${files.length} files stored (${imported} new); run the same command again to resume (stored logs are skipped as duplicates)`,
    );
    await db.stop().catch(() => {});
    return 3;
  }
  bar.done();
  const secs = (Date.now() - t0) / 1000;
  out(`imported: ${imported}, duplicates: ${duplicates}, rejected: ${rejected.length} (${files.length} files in ${secs.toFixed(1)} s, ${(files.length / secs).toFixed(0)} logs/s)`);
  for (const r of rejected) out(`  rejected ${r.file}: ${r.reason}`);
  await db.stop();
  return rejected.length ? 2 : 0;
}
