// `npm run bench -- load`: the built server (scripts/serve.ts, after `npm run build`) on a fresh
// embedded PostgreSQL holding the golden logs and the 776 corpus logs, read by 200 concurrent
// clients: `/`, `/b/<seed>` and `/b/<largest corpus log>`, each against one request alone, with
// the server's RSS sampled from /proc while it runs; then 50 concurrent uploads of one new
// 1.36 MB log (the largest corpus log, held back from the import for this).
import { spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import http from "node:http";
import path from "node:path";
import { freshDatabase } from "./db";
import { importQuietly } from "./import";
import { CORPUS_LOGS, corpusTexts, goldenTexts } from "./corpus";
import { bisectionIdFor, contentHash, normalizeLog } from "@/lib/ingest/normalize";
import { freePort } from "@/lib/server/process";

const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 200);
const UPLOADS = Number(process.env.LOAD_UPLOADS ?? 50);
export const LARGEST = path.join(CORPUS_LOGS, "Log_12639fd7200000.txt");
/** which page bursts to run (comma-separated labels: /, seed, largest); all by default */
const PAGES = (process.env.LOAD_PAGES ?? "/,seed,largest").split(",");

const idOf = (text: string) => bisectionIdFor(contentHash(normalizeLog(text)));

function request(port: number, method: string, url: string, agent: http.Agent, body?: string): Promise<{ status: number; ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const headers: Record<string, string> = {};
    if (body !== undefined) {
      headers["content-type"] = "text/plain";
      headers["content-length"] = String(Buffer.byteLength(body));
      if (process.env.BISECTVIEW_UPLOAD_TOKEN) headers.authorization = `Bearer ${process.env.BISECTVIEW_UPLOAD_TOKEN.split(",")[0]}`;
    }
    const req = http.request({ host: "127.0.0.1", port, method, path: url, agent, headers }, (res) => {
      let bytes = 0;
      res.on("data", (d: Buffer) => (bytes += d.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t0, bytes }));
      res.on("error", reject);
    });
    req.on("error", (e) => reject(new Error(`${method} ${url} after ${fmt(performance.now() - t0)}: ${e.message}`)));
    req.end(body);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** CPU time the process has used (user + system, ms): a cost per request that depends far less
 *  on what else the machine runs than wall-clock times do */
function cpuMsOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in USER_HZ (100)
  } catch {
    return 0;
  }
}

function rssOf(pid: number): { rss: number; hwm: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(s.match(new RegExp(`^${k}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0);
    return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

export async function startServer(url: string) {
  if (!existsSync(".next/BUILD_ID")) throw new Error("no build: run `npm run build` first");
  const port = await freePort();
  const memoryFile = path.join(os.tmpdir(), `bisectview-load-memory-${process.pid}.ndjson`);
  rmSync(memoryFile, { force: true });
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./bench/memory-probe.ts", "scripts/serve.ts"], {
    // LOAD_NODE_OPTIONS: V8 flags for the server alone (e.g. --max-old-space-size=384)
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      HOST: "127.0.0.1",
      NODE_ENV: "production",
      NODE_OPTIONS: process.env.LOAD_NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? "",
      LOAD_MEMORY_FILE: memoryFile,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => d.toString().includes("ready on") && resolve());
    child.once("exit", (code) => reject(new Error(`server exited ${code}: ${err}`)));
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(child.pid!).rss)), 50);
  return {
    port,
    pid: child.pid!,
    peak: () => peak,
    errors: () => err,
    exited: () => (child.exitCode ?? child.signalCode),
    /** the server's own memory use at its highest RSS between t0 and t1 (from bench/memory-probe.ts) */
    memoryAtPeak(t0: number, t1: number): string {
      let rows: MemorySample[] = [];
      try {
        rows = readFileSync(memoryFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as MemorySample).filter((r) => r.t >= t0 && r.t <= t1);
      } catch {
        return "no memory samples";
      }
      const live = rows.filter((r) => r.live !== undefined);
      rows = rows.filter((r) => r.live === undefined);
      if (rows.length === 0) return "no memory samples";
      const top = rows.reduce((a, b) => (b.rss > a.rss ? b : a));
      const heapMax = Math.max(...rows.map((r) => r.heapUsed));
      return `at the RSS peak ${top.rss.toFixed(0)} MB: V8 heap ${top.heapUsed.toFixed(0)} used of ${top.heapTotal.toFixed(0)}, external ${top.external.toFixed(0)} (array buffers ${top.arrayBuffers.toFixed(0)}), rest ${(top.rss - top.heapTotal - top.external).toFixed(0)}; heap used at most ${heapMax.toFixed(0)} MB${live.length ? `; live after a full GC at most ${Math.max(...live.map((r) => r.live!)).toFixed(0)} MB heap, ${Math.max(...live.map((r) => r.liveExternal!)).toFixed(0)} MB external` : ""}`;
    },
    async stop() {
      clearInterval(sampler);
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(memoryFile, { force: true });
    },
  };
}

async function burst(port: number, n: number, make: (i: number) => Promise<{ status: number; ms: number; bytes: number }>) {
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: n }, (_, i) => make(i)));
  const wall = performance.now() - t0;
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const statuses = new Map<number, number>();
  for (const r of results) statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  const bytes = results.length ? Math.round(results.reduce((a, r) => a + r.bytes, 0) / results.length) : 0;
  return { p50: pct(ms, 50), p99: pct(ms, 99), max: ms[ms.length - 1], wall, rate: n / (wall / 1000), statuses, bytes };
}

interface MemorySample {
  t: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** LOAD_MEMORY_GC=1 samples: the heap and external memory left after a full collection */
  live?: number;
  liveExternal?: number;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const st = (m: Map<number, number>) => [...m].map(([k, v]) => `${v}x${k}`).join(" ");

export async function benchLoad(): Promise<void> {
  const db = await freshDatabase();
  const lines: string[] = [];
  // each figure is printed as soon as it is measured (the run takes minutes)
  const out = { push: (l: string) => (lines.push(l), console.log(l)) };
  try {
    const largest = readFileSync(LARGEST, "utf8");
    const largestId = idOf(largest);
    const texts = [...goldenTexts(), ...corpusTexts()].filter((t) => idOf(t) !== largestId);
    await importQuietly(db.url, texts);
    const seed = idOf(readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8"));
    const server = await startServer(db.url);
    // a connection per request: a kept-alive socket the server closed while idle would reset
    const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
    try {
      const base = rssOf(server.pid);
      out.push(`load: ${texts.length} bisections stored, server pid ${server.pid}, RSS at start ${base.rss.toFixed(0)} MB`);

      // uploads first, while the largest log is still new
      let t0 = Date.now();
      let cpu0 = cpuMsOf(server.pid);
      const cpuPer = (n: number) => `${((cpuMsOf(server.pid) - cpu0) / n).toFixed(0)} ms CPU per request`;
      const up = await burst(server.port, UPLOADS, () => request(server.port, "POST", "/api/bisections", agent, largest));
      out.push(
        `  ${UPLOADS} concurrent uploads of one new ${(Buffer.byteLength(largest) / 1e6).toFixed(2)} MB log: p50 ${fmt(up.p50)}, p99 ${fmt(up.p99)}, all done in ${fmt(up.wall)} (${st(up.statuses)}); RSS peak so far ${server.peak().toFixed(0)} MB`,
      );
      out.push(`    ${cpuPer(UPLOADS)}; ${server.memoryAtPeak(t0, Date.now())}`);
      const alone = await request(server.port, "POST", "/api/bisections", agent, largest);
      out.push(`  one upload of it again alone (duplicate): ${fmt(alone.ms)} (${alone.status})`);

      for (const [label, url] of [
        ["/", "/"],
        ["/b/<seed>", `/b/${seed}`],
        ["/b/<largest>", `/b/${largestId}`],
      ] as const) {
        if (!PAGES.includes(label === "/" ? "/" : label.slice(4, -1))) continue;
        await request(server.port, "GET", url, agent); // warm
        const singles: number[] = [];
        for (let i = 0; i < 5; i++) singles.push((await request(server.port, "GET", url, agent)).ms);
        singles.sort((a, b) => a - b);
        t0 = Date.now();
        cpu0 = cpuMsOf(server.pid);
        const r = await burst(server.port, CONCURRENCY, () => request(server.port, "GET", url, agent));
        out.push(
          `  ${label.padEnd(13)} alone ${fmt(singles[2]).padStart(7)} | ${CONCURRENCY} concurrent: p50 ${fmt(r.p50).padStart(7)}, p99 ${fmt(r.p99).padStart(7)}, ${r.rate.toFixed(0)} req/s (${st(r.statuses)}); RSS peak so far ${server.peak().toFixed(0)} MB`,
        );
        out.push(`    ${r.bytes} bytes per answer, ${cpuPer(CONCURRENCY)}; ${server.memoryAtPeak(t0, Date.now())}`);
      }
      const end = rssOf(server.pid);
      out.push(`  server RSS: start ${base.rss.toFixed(0)} MB, peak ${Math.max(server.peak(), end.hwm).toFixed(0)} MB (VmHWM), after the run ${end.rss.toFixed(0)} MB`);
    } catch (e) {
      // say what the server said (a crash, a refusal) beside the client's error
      console.error(`server ${server.exited() === null ? "still running" : `exited: ${server.exited()}`}; its stderr:\n${server.errors().slice(-4000)}`);
      throw e;
    } finally {
      agent.destroy();
      await server.stop();
    }
  } finally {
    await db.stop();
  }

}
