// Where the bulk import's PostgreSQL time goes, per statement: one first pass of the golden logs
// and the corpus (what `cli import` runs) into a fresh embedded PostgreSQL with
// pg_stat_statements loaded, then its statements by total execution time (a trigger's statements
// are counted inside the one that fired them, and again on their own line).
// `node --conditions=react-server --interrupt-budget=300000 --import tsx bench/import-statements.ts`;
// `BENCH_SQL` runs a statement on the fresh database first (e.g. a DROP INDEX, to see its share).
import { appendFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/server/process";
import { bulkImport } from "@/lib/ingest/bulk-import";
import { corpusTexts, goldenTexts } from "./corpus";

const dir = mkdtempSync(path.join(os.tmpdir(), "bisectview-statements-"));
const port = await freePort();
// initdb and a first start, then the extension preloaded
await (await startEmbeddedPostgres({ dir, port, database: "bench" })).stop();
appendFileSync(path.join(dir, "postgresql.conf"), "\nshared_preload_libraries = 'pg_stat_statements'\npg_stat_statements.track = all\n");
const server = await startEmbeddedPostgres({ dir, port, database: "bench" });
const c = new pg.Client({ connectionString: server.url });
try {
  await applyMigrations(server.url);
  await c.connect();
  await c.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
  if (process.env.BENCH_SQL) await c.query(process.env.BENCH_SQL);
  await c.query("SELECT pg_stat_statements_reset()");
  const texts = [...goldenTexts(), ...corpusTexts()];
  let added = 0;
  const t0 = performance.now();
  await bulkImport(server.url, texts.map((_, i) => String(i)), {
    read: async (n) => texts[Number(n)],
    isOutage: () => false,
    onResult: (r) => void (r.status === "stored" && added++),
  });
  console.log(`first pass: ${added} added in ${((performance.now() - t0) / 1000).toFixed(2)} s; load ${os.loadavg()[0].toFixed(1)}`);
  const r = await c.query<{ ms: string; calls: string; rows: string; wal: string; q: string; top: boolean }>(
    `SELECT round(total_exec_time::numeric) AS ms, calls, rows, round(wal_bytes / 1e6) AS wal, toplevel AS top,
       left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS q
     FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY total_exec_time DESC LIMIT 16`,
  );
  console.log("    ms  calls    rows  WAL MB  statement");
  for (const x of r.rows) console.log(`${x.ms.padStart(6)} ${x.calls.padStart(6)} ${x.rows.padStart(7)} ${x.wal.padStart(7)}  ${x.top ? "" : "(in a trigger) "}${x.q}`);
  const t = await c.query<{ ms: string }>("SELECT round(sum(total_exec_time)::numeric) AS ms FROM pg_stat_statements WHERE toplevel");
  console.log(`top-level statements: ${t.rows[0].ms} ms`);
} finally {
  await c.end().catch(() => {});
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
