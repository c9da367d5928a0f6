// The bulk import's first pass alone (what `cli import` runs: bulkImport of the golden logs and
// the corpus into a fresh database), `rounds` times, each into a fresh embedded PostgreSQL:
// wall time, CPU in Node (all threads) and in PostgreSQL, and the load average around it.
// `node --import tsx bench/import-first.ts [rounds]`; bench/import.ts also runs the second
// pass and the API path.
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { bulkImport } from "@/lib/ingest/bulk-import";
import { freshDatabase, postgresCpuSeconds } from "./db";
import { corpusTexts, goldenTexts } from "./corpus";

/** CPU seconds of each thread of this process so far, by thread id, with its name. */
function threads(into: Map<string, { name: string; secs: number }>) {
  for (const tid of readdirSync("/proc/self/task")) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      into.set(tid, { name, secs: (Number(f[11]) + Number(f[12])) / 100 });
    } catch {
      // ended meanwhile
    }
  }
}

const texts = [...goldenTexts(), ...corpusTexts()];
const rounds = Number(process.argv[2] ?? 3);
for (let r = 0; r < rounds; r++) {
  const db = await freshDatabase();
  try {
    const load = loadavg()[0];
    let added = 0;
    const cpu0 = process.cpuUsage();
    const pg0 = postgresCpuSeconds(db.pid);
    const before = new Map<string, { name: string; secs: number }>();
    threads(before);
    const seen = new Map<string, { name: string; secs: number }>();
    const tick = setInterval(() => threads(seen), 50);
    const t0 = performance.now();
    await bulkImport(db.url, texts.map((_, i) => String(i)), {
      read: async (name) => texts[Number(name)],
      isOutage: () => false,
      onResult: (x) => void (x.status === "stored" && added++),
    });
    const secs = (performance.now() - t0) / 1000;
    clearInterval(tick);
    threads(seen);
    const used = [...seen].map(([tid, t]) => [tid === String(process.pid) ? "main" : tid, t.secs - (before.get(tid)?.secs ?? 0)] as const).filter((x) => x[1] >= 0.05);
    const cpu = process.cpuUsage(cpu0);
    const node = (cpu.user + cpu.system) / 1e6;
    const pgs = postgresCpuSeconds(db.pid) - pg0;
    console.log(
      `first pass: ${added} added in ${secs.toFixed(2)} s = ${(texts.length / secs).toFixed(0)} logs/s; CPU ${node.toFixed(2)} s Node + ${pgs.toFixed(2)} s PostgreSQL = ${((1000 * (node + pgs)) / texts.length).toFixed(1)} ms a log; load ${load.toFixed(1)}-${loadavg()[0].toFixed(1)}`,
    );
    console.log(`  threads (CPU s): ${used.sort((a, b) => b[1] - a[1]).map(([n, s]) => `${n} ${s.toFixed(2)}`).join(", ")}`);
  } finally {
    await db.stop();
  }
}
