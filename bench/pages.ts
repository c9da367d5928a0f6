// Server time of the list, searches, a sort, a path filter and `/b/<id>` beside a static page of
// the same server, at 1,000, 100,000 and 1,000,000 bisections (bench/scale.ts builds them), with
// each request's ratio to the static page and to its own time at the smallest size, one server per
// size and the requests interleaved (see benchPages). Needs
// `npm run build` first. BENCH_SIZES=1000,100000 measures fewer sizes.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import pg from "pg";
import { freePort } from "@/lib/server/process";
import { bisectionIdFor, contentHash, normalizeLog } from "@/lib/ingest/normalize";
import { scaleDatabases } from "./scale";

const SEED_LOG = "lib/parser/testdata/cause-kvm_wait-title-drift.txt";
const STATIC = "static /upload";

/** `after`: the cursor the JSON list gives on page 19 of this size (where page 20 starts). */
const ROUTES = (id: string, after = ""): [string, string][] => [
  [STATIC, "/upload"],
  ["list /", "/"],
  ["list page 20", "/?page=20"],
  ["list page 20 by cursor", `/?page=20&after=${after}`],
  ["search ?q=kvm_wait", "/?q=kvm_wait"],
  ["search best match ?q=kvm_wait", "/?q=kvm_wait&sort=relevance"],
  ["search best match ?q=spin_lock", "/?q=spin_lock&sort=relevance"],
  ["search hash prefix", "/?q=997acaf6"],
  ["path ?path=kernel/locking/", "/?path=kernel/locking/"],
  ["sort by title", "/?sort=title&dir=asc"],
  ["bisection /b/<id>", `/b/${id}`],
  ["JSON /api/bisections", "/api/bisections?q=kasan"],
];

export const DEFAULT_SIZES = [1_000, 100_000, 1_000_000];

async function startServer(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), BISECTVIEW_MIGRATE: "0", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill();
  throw new Error("server did not start");
}

async function timed(url: string): Promise<{ ms: number; status: number }> {
  const t0 = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return { ms: performance.now() - t0, status: res.status };
}

function vmHwmMb(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/status`, "utf8").match(/^VmHWM:\s+(\d+) kB/m)?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function sizes(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const db = (await c.query("SELECT pg_size_pretty(pg_database_size(current_database())) AS s")).rows[0].s;
    const rows = await c.query<{ t: string; heap: string; idx: string }>(
      `SELECT relname AS t, pg_size_pretty(pg_table_size(relid)) AS heap, pg_size_pretty(pg_indexes_size(relid)) AS idx
       FROM pg_stat_user_tables WHERE relname IN ('bisection', 'culprit', 'culprit_file', 'culprit_dir', 'crash_report', 'commit')
       ORDER BY pg_total_relation_size(relid) DESC`,
    );
    return `database ${db}; ${rows.rows.map((r) => `${r.t} ${r.heap} + indexes ${r.idx}`).join(", ")}`;
  } finally {
    await c.end();
  }
}

export async function benchPages(sizeList = DEFAULT_SIZES, reps = 31): Promise<string> {
  const seed = bisectionIdFor(contentHash(normalizeLog(readFileSync(SEED_LOG, "utf8"))));
  const dbs = await scaleDatabases(sizeList);
  const times = new Map<string, Map<number, { p50: number; p90: number; status: number }>>();
  const notes: string[] = [];
  // one server per size, all up at once, and every round asks each route of each size in turn:
  // the machine's load drifts (it is shared), and this way the drift falls on every cell alike
  const servers: { size: number; base: string; child: ChildProcess }[] = [];
  try {
    for (const size of sizeList) {
      const port = await freePort();
      servers.push({ size, base: `http://localhost:${port}`, child: await startServer(dbs.url(size), port) });
    }
    const samples = new Map<string, number[]>();
    const status = new Map<string, number>();
    const routes = new Map<number, Map<string, string>>();
    for (const { size, base } of servers) {
      const after = ((await (await fetch(`${base}/api/bisections?page=19`)).json()) as { after: string | null }).after ?? "";
      routes.set(size, new Map(ROUTES(seed, after)));
    }
    for (let rep = -3; rep < reps; rep++) {
      for (const [name] of ROUTES(seed)) {
        for (const { size, base } of servers) {
          const t = await timed(base + routes.get(size)!.get(name)!);
          if (rep < 0) continue; // warm-ups
          const key = `${name}@${size}`;
          (samples.get(key) ?? samples.set(key, []).get(key)!).push(t.ms);
          status.set(key, t.status);
        }
      }
    }
    for (const [name] of ROUTES(seed)) {
      for (const size of sizeList) {
        const xs = samples.get(`${name}@${size}`)!.sort((a, b) => a - b);
        (times.get(name) ?? times.set(name, new Map()).get(name)!).set(size, { p50: xs[Math.floor(reps / 2)], p90: xs[Math.floor(reps * 0.9)], status: status.get(`${name}@${size}`)! });
      }
    }
    for (const { size, child } of servers) notes.push(`  ${size.toLocaleString("en")}: server VmHWM ${vmHwmMb(child.pid!).toFixed(0)} MB; ${await sizes(dbs.url(size))}`);
  } finally {
    for (const { child } of servers) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    await dbs.stop();
  }
  const first = sizeList[0];
  const out = [
    `server time per request (sequential, median / p90 of ${reps} rounds after 3 warm-up rounds; one server per size, each round`,
    `asking every route of every size in turn),`,
    `with the median's ratio to ${STATIC} at the same size (xS) and to its own median at ${first.toLocaleString("en")} (xF):`,
  ];
  for (const [name, bySize] of times) {
    const cells = sizeList.map((size) => {
      const t = bySize.get(size)!;
      const s = times.get(STATIC)!.get(size)!.p50;
      const ratios = name === STATIC ? "" : ` ${(t.p50 / s).toFixed(1)}xS ${(t.p50 / bySize.get(first)!.p50).toFixed(2)}xF`;
      return `${size.toLocaleString("en")}: ${t.p50.toFixed(1)} / ${t.p90.toFixed(1)} ms${ratios}${t.status === 200 ? "" : ` (HTTP ${t.status})`}`;
    });
    out.push(`  ${name.padEnd(28)} ${cells.join("   ")}`);
  }
  out.push(`databases (kept in ${dbs.dir}):`, ...notes);
  return out.join("\n");
}
