// Import of the golden logs and the whole corpus into a fresh embedded PostgreSQL: the bulk
// import `cli import` uses (lib/ingest/bulk-import.ts: batches of logs per transaction, parsing
// in a worker thread), then the same logs again, which must add nothing; and beside it the API
// path (lib/ingest ingestLog, one log per transaction, 4 at a time) into a second fresh database.
import pg from "pg";
import { createPrismaClient } from "@/lib/db";
import { IngestError, ingestLog } from "@/lib/ingest";
import { bulkImport } from "@/lib/ingest/bulk-import";
import { applyMigrations } from "@/lib/server/migrate";
import { postgresCpuSeconds } from "./db";
import type { PrismaClient } from "@/lib/generated/prisma/client";

async function importAll(prisma: PrismaClient, texts: string[], concurrency: number) {
  let next = 0;
  let added = 0;
  let duplicates = 0;
  let rejected = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < texts.length) {
        try {
          const res = await ingestLog(prisma, texts[next++], { bulk: true });
          if (res.duplicate) duplicates++;
          else added++;
        } catch (e) {
          if (!(e instanceof IngestError)) throw e;
          rejected++; // the golden not-a-log samples
        }
      }
    }),
  );
  return { added, duplicates, rejected, secs: (performance.now() - t0) / 1000 };
}

/** Runs `work`, with its wall time and the CPU seconds it took here (all threads) and in PostgreSQL. */
async function measured<T extends object>(pgPid: number, work: () => Promise<T>) {
  const cpu0 = process.cpuUsage();
  const pg0 = postgresCpuSeconds(pgPid);
  const t0 = performance.now();
  const r = await work();
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { ...r, secs, nodeCpu: (cpu.user + cpu.system) / 1e6, pgCpu: postgresCpuSeconds(pgPid) - pg0 };
}

async function bulkAll(url: string, texts: string[]) {
  const counts = { added: 0, duplicates: 0, rejected: 0 };
  const t0 = performance.now();
  await bulkImport(url, texts.map((_, i) => String(i)), {
    read: async (name) => texts[Number(name)],
    isOutage: () => false,
    onResult: (r) => void (r.status === "stored" ? counts.added++ : r.status === "duplicate" ? counts.duplicates++ : counts.rejected++),
  });
  return { ...counts, secs: (performance.now() - t0) / 1000 };
}

type Run = { added: number; duplicates: number; rejected: number; secs: number; nodeCpu: number; pgCpu: number };
const line = (name: string, n: number, r: Run) =>
  `  ${name.padEnd(7)} ${r.added} added, ${r.duplicates} duplicates, ${r.rejected} rejected in ${r.secs.toFixed(1)} s = ${(n / r.secs).toFixed(0)} logs/s;` +
  ` CPU ${r.nodeCpu.toFixed(1)} s in Node (all threads) + ${r.pgCpu.toFixed(1)} s in PostgreSQL = ${((1000 * (r.nodeCpu + r.pgCpu)) / n).toFixed(1)} ms a log` +
  ` (${((2 * n) / (r.nodeCpu + r.pgCpu)).toFixed(0)} logs/s if it had both cores to itself)`;

async function sizes(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = (await c.query("SELECT pg_size_pretty(pg_database_size(current_database())) AS db, pg_size_pretty(pg_total_relation_size('bisection_search_text_idx')) AS trgm")).rows[0];
    return `database ${r.db}, of it the trigram index ${r.trgm}`;
  } finally {
    await c.end();
  }
}

export async function benchImport(db: { url: string; pid: number }, texts: string[], concurrency = 4): Promise<string> {
  const url = db.url;
  const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  const first = await measured(db.pid, () => bulkAll(url, texts));
  const second = await measured(db.pid, () => bulkAll(url, texts));
  const prisma = createPrismaClient(url);
  const stored = await prisma.bisection.count();
  await prisma.$disconnect();
  const bulkSizes = await sizes(url);
  // the API path, into a database of its own on the same server
  const apiUrl = url.replace(/\/[^/]*$/, "/bench_api");
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query("DROP DATABASE IF EXISTS bench_api");
  await admin.query("CREATE DATABASE bench_api");
  await admin.end();
  await applyMigrations(apiUrl);
  const api = createPrismaClient(apiUrl);
  const single = await measured(db.pid, () => importAll(api, texts, concurrency));
  await api.$disconnect();
  return [
    `import of ${texts.length} logs (${(bytes / 1024 / 1024).toFixed(1)} MiB) into a fresh embedded PostgreSQL:`,
    `bulk (cli import: batches of 64 logs per transaction, 1 parse worker):`,
    line("first:", texts.length, first),
    line("second:", texts.length, second),
    `  stored bisections: ${stored}; ${bulkSizes}`,
    `API path (ingestLog, one log per transaction, ${concurrency} at a time), into another fresh database:`,
    line("first:", texts.length, single),
  ].join("\n");
}

/** Import without measuring (a kept benchmark database skips what it already has). */
export async function importQuietly(url: string, texts: string[]): Promise<void> {
  await bulkAll(url, texts);
}
