// Where the database comes from: DATABASE_URL when set, else an embedded PostgreSQL whose
// data lives under the project (.data/postgres) and survives restarts. Migrations are applied
// either way. Used by the server (scripts/serve.ts) and the CLI's import.
import { join } from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export interface ReadyDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function ensureDatabase(log: (s: string) => void = () => {}): Promise<ReadyDatabase> {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  const embedded = !url;
  if (!url) {
    const dir = process.env.BISECTVIEW_PG_DIR ?? join(process.cwd(), ".data", "postgres");
    const port = Number(process.env.BISECTVIEW_PG_PORT ?? 5433);
    const t0 = Date.now();
    const server = await startEmbeddedPostgres({ dir, port, database: "bisectview", log });
    log(`embedded PostgreSQL on port ${port} (${dir}) in ${Date.now() - t0} ms`);
    url = server.url;
    stop = () => server.stop();
  }
  const applied = await applyMigrations(url);
  if (applied.length) log(`applied migrations: ${applied.join(", ")}`);
  return { url, embedded, stop };
}
