// The bulk import's writer alone: every log prepared in this thread first (parse, judge, COPY
// text), then stored by storeBatch in batches of 64 into a fresh embedded PostgreSQL, `rounds`
// times: the writer thread's and PostgreSQL's CPU (all of it, and the import's own backend),
// without the parse worker beside them. `node --import tsx bench/import-writer.ts [rounds]`.
import { loadavg } from "node:os";
import { storeBatch } from "@/lib/ingest/bulk";
import { isRefusal, normalizeUpload, prepareNormalized } from "@/lib/ingest/prepare";
import { logCopy, logRows, type LogCopy } from "@/lib/ingest/rows";
import { freshDatabase, postgresCpuSeconds } from "./db";
import { corpusTexts, goldenTexts } from "./corpus";
import { readFileSync } from "node:fs";
import pg from "pg";

/** CPU seconds of one process so far. */
function processCpu(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12])) / 100;
}

const rounds = Number(process.argv[2] ?? 3);
const prepared = () => {
  const out: LogCopy[] = [];
  const seen = new Set<string>();
  for (const text of [...goldenTexts(), ...corpusTexts()]) {
    const up = normalizeUpload(text);
    // a log stored by an earlier batch is left out, as bulkImport does (or its batch is retried log by log)
    if (isRefusal(up) || seen.has(up.hash)) continue;
    seen.add(up.hash);
    const p = prepareNormalized(up.normalized, up.hash);
    if (!isRefusal(p)) out.push(logCopy(logRows(p)));
  }
  return out;
};
for (let r = 0; r < rounds; r++) {
  const logs = prepared();
  const db = await freshDatabase();
  const pool = new pg.Pool({ connectionString: db.url, max: 1 });
  try {
    // BENCH_SQL: a statement run on the fresh database first (an index dropped, a storage changed)
    if (process.env.BENCH_SQL) await pool.query(process.env.BENCH_SQL);
    const backend = (await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid;
    const load = loadavg()[0];
    const own0 = processCpu(backend);
    let stored = 0;
    const cpu0 = process.cpuUsage();
    const pg0 = postgresCpuSeconds(db.pid);
    const t0 = performance.now();
    for (let i = 0; i < logs.length; i += 64) {
      for (const o of await storeBatch(pool, logs.slice(i, i + 64), () => false)) if (o.status === "stored") stored++;
    }
    const secs = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const node = (cpu.user + cpu.system) / 1e6;
    const pgs = postgresCpuSeconds(db.pid) - pg0;
    const own = processCpu(backend) - own0;
    console.log(
      `writer: ${stored} stored in ${secs.toFixed(2)} s = ${(logs.length / secs).toFixed(0)} logs/s; CPU ${node.toFixed(2)} s Node + ${pgs.toFixed(2)} s PostgreSQL = ${((1000 * (node + pgs)) / logs.length).toFixed(2)} ms a log (the import's backend ${own.toFixed(2)} s); load ${load.toFixed(1)}-${loadavg()[0].toFixed(1)}`,
    );
  } finally {
    await pool.end();
    await db.stop();
  }
}
