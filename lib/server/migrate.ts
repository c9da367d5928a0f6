// Applies prisma/migrations/*/migration.sql in order and records each in `_prisma_migrations`
// the way `prisma migrate deploy` does (same table, checksum = sha256 of the file), so an
// operator with Prisma's native engine can still run `prisma migrate status|deploy` here.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

const TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** The advisory lock `prisma migrate deploy` takes (its schema engine's key), so this runner,
 *  other app instances starting at once and an operator's Prisma CLI migrate one at a time. */
export const MIGRATION_LOCK = 72707369;

export function migrationsDir(root = process.cwd()): string {
  return join(root, "prisma", "migrations");
}

export async function applyMigrations(url: string, dir = migrationsDir()): Promise<string[]> {
  const names = readdirSync(dir)
    .filter((n) => existsSync(join(dir, n, "migration.sql")))
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    // one migrator at a time (app processes starting together, `npm run migrate`, Prisma's CLI)
    await client.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
    await client.query(TABLE);
    const done = new Set(
      (await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )).rows.map((r) => r.migration_name),
    );
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [id, checksum, name],
        );
        await client.query("COMMIT");
        applied.push(name);
      } catch (e) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${name} failed: ${(e as Error).message}`);
      }
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`).catch(() => {});
    await client.end();
  }
  return applied;
}
