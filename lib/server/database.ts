// Where the database comes from: DATABASE_URL when set, else an embedded PostgreSQL whose
// data lives under the project (.data/postgres) and survives restarts, shared with any other
// Bisectview process on the same directory (lib/server/embedded-postgres.ts). Pending
// migrations are applied either way, unless BISECTVIEW_MIGRATE=0 (several instances on one
// database: migrate once per release with `npm run migrate`, start the instances with
// BISECTVIEW_MIGRATE=0). Used by the server (scripts/serve.ts) and the CLI's import.
import { join } from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export interface ReadyDatabase {
  url: string;
  embedded: boolean;
  /** leave the database: an embedded PostgreSQL stops only when no other live process uses it */
  stop(): Promise<void>;
}

export async function ensureDatabase(log: (s: string) => void = () => {}, role = "bisectview"): Promise<ReadyDatabase> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url) {
    const dir = process.env.BISECTVIEW_PG_DIR ?? join(process.cwd(), ".data", "postgres");
    const port = Number(process.env.BISECTVIEW_PG_PORT ?? 5433);
    const t0 = Date.now();
    const server = await startEmbeddedPostgres({ dir, port, database: "bisectview", role, log });
    if (server.mode === "started") log(`embedded PostgreSQL on port ${server.port} (${dir}) in ${Date.now() - t0} ms`);
    url = server.url;
    stop = () => server.stop();
  }
  if (process.env.BISECTVIEW_MIGRATE === "0") {
    log("BISECTVIEW_MIGRATE=0: not applying migrations (run `npm run migrate` once per release)");
  } else {
    const applied = await applyMigrations(url);
    if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  }
  return { url, embedded, stop };
}
