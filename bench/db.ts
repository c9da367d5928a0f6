// A throwaway embedded PostgreSQL for benchmarks (fresh data directory, own port).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/server/process";


/** A fresh database in a temporary directory, removed on stop (bench/scale.ts keeps its own). */
export async function freshDatabase() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bisectview-bench-"));
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "bench" });
  await applyMigrations(server.url);
  return {
    url: server.url,
    /** the postmaster's pid (its children are the server's processes) */
    pid: server.pid,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds (user + system) used so far by the postmaster `pid` and its children: the live
 *  ones, and the ones that ended (the postmaster reaps them, so their time is in its cutime). */
export function postgresCpuSeconds(pid: number): number {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields after the name: state(0) ppid(1) ... utime(11) stime(12) cutime(13) cstime(14)
      if (Number(name) === pid) total += (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / tick;
      else if (Number(f[1]) === pid) total += (Number(f[11]) + Number(f[12])) / tick;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}
