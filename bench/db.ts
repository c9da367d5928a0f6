// A throwaway embedded PostgreSQL for benchmarks (fresh data directory, own port).
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/server/process";


/** A fresh database in a temporary directory; with BENCH_DB_DIR, that directory is used and
 *  kept, so a filled 100,000-bisection database can be measured again without refilling. */
export async function freshDatabase() {
  const keep = process.env.BENCH_DB_DIR;
  const dir = keep ? path.resolve(keep) : mkdtempSync(path.join(os.tmpdir(), "bisectview-bench-"));
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "bench" });
  await applyMigrations(server.url);
  return {
    url: server.url,
    async stop() {
      await server.stop();
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
}
