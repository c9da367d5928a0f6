// Several Bisectview processes on one embedded data directory, as real processes on a real
// PostgreSQL: whoever starts first owns it, the others connect, nobody stops it while another
// live process uses it, and a SIGKILL of any of them leaves the rest working.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, rmSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { forceStopEmbeddedPostgres, runningPostmaster } from "./embedded-postgres";
import { freePort, processAlive } from "./process";

const dirs: string[] = [];
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  for (const d of dirs) {
    await forceStopEmbeddedPostgres(d);
    rmSync(d, { recursive: true, force: true });
    rmSync(`${d}-postgres.log`, { force: true });
    rmSync(`${d}.lock`, { force: true });
  }
});

async function dataDir() {
  const root = mkdtempSync(path.join(os.tmpdir(), "bisectview-shared-"));
  chmodSync(root, 0o755); // PostgreSQL runs as its own user when we are root
  const dir = path.join(root, "postgres");
  dirs.push(dir);
  return { dir, env: { BISECTVIEW_PG_DIR: dir, BISECTVIEW_PG_PORT: String(await freePort()), DATABASE_URL: "" } };
}

const DATABASE = path.resolve("lib/server/database.ts");

/** A process that takes the database through ensureDatabase (as serve.ts and the CLI do), runs a
 *  query every 50 ms and counts failures; on "stop" on stdin it leaves and prints its count. */
function holder(env: Record<string, string>, role: string) {
  const script = `
    const { ensureDatabase } = await import(${JSON.stringify(DATABASE)});
    const pg = (await import("pg")).default;
    const db = await ensureDatabase((s) => console.error("[" + ${JSON.stringify(role)} + "] " + s), ${JSON.stringify(role)});
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    pool.on("error", () => {});
    let ok = 0, failed = 0;
    const tick = setInterval(() => pool.query("SELECT 1").then(() => ok++, () => failed++), 50);
    console.log("ready " + db.url);
    process.stdin.on("data", async (d) => {
      const cmd = String(d).trim();
      if (cmd === "count") console.log("count " + ok + " " + failed);
      if (cmd === "stop") {
        clearInterval(tick);
        console.log("count " + ok + " " + failed);
        await pool.end();
        await db.stop();
        console.log("left");
        process.exit(0);
      }
    });`;
  const env2 = { ...process.env, ...env };
  delete (env2 as Record<string, string | undefined>).DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { env: env2 });
  children.push(child);
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const waitFor = (re: RegExp, ms = 60_000) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const t0 = Date.now();
      const poll = () => {
        const m = out.match(re);
        if (m) return resolve(m);
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`${role} exited: ${err}`));
        if (Date.now() - t0 > ms) return reject(new Error(`${role}: no ${re} in ${ms} ms: ${out} ${err}`));
        setTimeout(poll, 25);
      };
      poll();
    });
  return {
    child,
    stderr: () => err,
    ready: async () => (await waitFor(/ready (\S+)/))[1],
    async counts(): Promise<{ ok: number; failed: number }> {
      out = out.replace(/count \d+ \d+\n/g, "");
      child.stdin.write("count\n");
      const m = await waitFor(/count (\d+) (\d+)\n/);
      return { ok: Number(m[1]), failed: Number(m[2]) };
    },
    async leave(): Promise<{ ok: number; failed: number }> {
      out = out.replace(/count \d+ \d+\n/g, "");
      child.stdin.write("stop\n");
      const m = await waitFor(/count (\d+) (\d+)\n/);
      await waitFor(/left/);
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
      return { ok: Number(m[1]), failed: Number(m[2]) };
    },
    async kill() {
      child.kill("SIGKILL");
      await new Promise((r) => (child.signalCode !== null ? r(null) : child.once("exit", r)));
    },
  };
}

function cliImport(env: Record<string, string>, files: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const env2 = { ...process.env, ...env };
    delete (env2 as Record<string, string | undefined>).DATABASE_URL;
    const child = spawn(process.execPath, ["scripts/cli.mjs", "import", ...files], { env: env2 });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function count(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query("SELECT count(*)::int AS n FROM bisection")).rows[0].n);
  } finally {
    await c.end();
  }
}

const LOGS = ["lib/parser/testdata/cause-kvm_wait-title-drift.txt", "lib/parser/testdata/synthetic/fix-found-nfc-2022.txt"];

describe("one embedded PostgreSQL shared by the server and the CLI", () => {
  it("cli import while a server holds the database: the server keeps its database, through and after the import", async () => {
    const { dir, env } = await dataDir();
    const server = holder(env, "server");
    const url = await server.ready();
    const pm = runningPostmaster(dir)!;
    expect(pm).not.toBeNull();

    const r = await cliImport(env, LOGS);
    expect(r.stdout).toMatch(/imported: 2, duplicates: 0, rejected: 0/);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/using the PostgreSQL already running/);
    expect(r.stderr).toMatch(/leaving PostgreSQL .* running for server pid/);
    // the same postmaster, still up, and the server never saw a failed query
    expect(runningPostmaster(dir)?.pid).toBe(pm.pid);
    expect(await count(url)).toBe(2);
    const during = await server.counts();
    expect(during.failed).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const after = await server.counts();
    expect(after.ok).toBeGreaterThan(during.ok);
    expect(after.failed).toBe(0);

    // the last one out stops it
    expect((await server.leave()).failed).toBe(0);
    expect(processAlive(pm.pid)).toBe(false);
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });

  it("a server started while an import holds the database keeps it after the import ends", async () => {
    const { dir, env } = await dataDir();
    const cli = holder(env, "cli import");
    await cli.ready();
    const pm = runningPostmaster(dir)!;
    const server = holder(env, "server");
    await server.ready();
    expect(server.stderr()).toMatch(/using the PostgreSQL already running .*cli import pid/);
    expect(runningPostmaster(dir)?.pid).toBe(pm.pid);

    expect((await cli.leave()).failed).toBe(0);
    expect(processAlive(pm.pid)).toBe(true);
    const before = await server.counts();
    await new Promise((r) => setTimeout(r, 300));
    const after = await server.counts();
    expect(after.ok).toBeGreaterThan(before.ok);
    expect(after.failed).toBe(0);
    await server.leave();
    expect(processAlive(pm.pid)).toBe(false);
  });

  it("a SIGKILL of the process that started PostgreSQL leaves the other working; a later start joins it", async () => {
    const { dir, env } = await dataDir();
    const owner = holder(env, "server");
    await owner.ready();
    const pm = runningPostmaster(dir)!;
    const cli = holder(env, "cli import");
    await cli.ready();
    await owner.kill();
    const before = await cli.counts();
    await new Promise((r) => setTimeout(r, 300));
    const after = await cli.counts();
    expect(after.ok).toBeGreaterThan(before.ok);
    expect(after.failed).toBe(0);

    // a new server joins the same postmaster (the import is still alive)
    const server = holder(env, "server");
    await server.ready();
    expect(server.stderr()).toMatch(/using the PostgreSQL already running .*cli import pid/);
    expect(runningPostmaster(dir)?.pid).toBe(pm.pid);
    await cli.leave();
    expect(processAlive(pm.pid)).toBe(true);
    await server.leave();
    expect(processAlive(pm.pid)).toBe(false);
  });

  it("a SIGKILL of the joined process leaves the owner working, and the owner still stops it at the end", async () => {
    const { dir, env } = await dataDir();
    const server = holder(env, "server");
    await server.ready();
    const pm = runningPostmaster(dir)!;
    const cli = holder(env, "cli import");
    await cli.ready();
    await cli.kill();
    const before = await server.counts();
    await new Promise((r) => setTimeout(r, 300));
    const after = await server.counts();
    expect(after.ok).toBeGreaterThan(before.ok);
    expect(after.failed).toBe(0);
    await server.leave();
    expect(processAlive(pm.pid)).toBe(false);
  });

  it("an orphan (every user SIGKILLed) is adopted by the next start, which then stops it", async () => {
    const { dir, env } = await dataDir();
    const a = holder(env, "server");
    const url = await a.ready();
    const pm = runningPostmaster(dir)!;
    await a.kill();
    expect(processAlive(pm.pid)).toBe(true);

    const r = await cliImport(env, LOGS.slice(0, 1));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/adopting the PostgreSQL left running/);
    // the adopter was the only user, so it stopped it when it left
    expect(processAlive(pm.pid)).toBe(false);

    const b = holder(env, "server");
    expect(await b.ready()).toBe(url);
    expect(await count(url)).toBe(1);
    await b.leave();
  });

  it("two processes starting at once on a fresh directory start one PostgreSQL between them", async () => {
    const { dir, env } = await dataDir();
    const a = holder(env, "server");
    const b = holder(env, "cli import");
    await Promise.all([a.ready(), b.ready()]);
    const pm = runningPostmaster(dir)!;
    const modes = [a.stderr(), b.stderr()].map((s) => (/using the PostgreSQL already running/.test(s) ? "shared" : "started"));
    expect(modes.sort()).toEqual(["shared", "started"]);
    await a.leave();
    expect(processAlive(pm.pid)).toBe(true);
    expect((await b.counts()).failed).toBe(0);
    await b.leave();
    expect(processAlive(pm.pid)).toBe(false);
  });

  it("the CLI import copies files first, then is killed; the server keeps serving", async () => {
    const { dir, env } = await dataDir();
    const server = holder(env, "server");
    await server.ready();
    const pm = runningPostmaster(dir)!;
    const tmp = mkdtempSync(path.join(os.tmpdir(), "bisectview-shared-logs-"));
    dirs.push(tmp);
    for (let i = 0; i < 30; i++) copyFileSync(LOGS[i % 2], path.join(tmp, `${i}.txt`));
    const env2 = { ...process.env, ...env };
    delete (env2 as Record<string, string | undefined>).DATABASE_URL;
    const child = spawn(process.execPath, ["scripts/cli.mjs", "import", tmp], { env: env2, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const t0 = Date.now();
      const poll = () => (/using the PostgreSQL already running/.test(err) ? resolve() : Date.now() - t0 > 60_000 ? reject(new Error(err)) : setTimeout(poll, 20));
      poll();
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect(processAlive(pm.pid)).toBe(true);
    const before = await server.counts();
    await new Promise((r) => setTimeout(r, 300));
    expect((await server.counts()).ok).toBeGreaterThan(before.ok);
    expect((await server.leave()).failed).toBe(0);
    expect(processAlive(pm.pid)).toBe(false);
  });
});
