// Several app instances starting at once on one database all run the migrator
// (lib/server/database.ts): each migration must be applied exactly once, and a migrator must wait
// for another one (ours or `prisma migrate deploy`, which takes the same advisory lock).
import { readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { MIGRATION_LOCK, applyMigrations, migrationsDir } from "./migrate";

const NAMES = readdirSync(migrationsDir())
  .filter((n) => existsSync(join(migrationsDir(), n, "migration.sql")))
  .sort();

let dbs: TestDatabase[] = [];
beforeAll(async () => {
  dbs = await Promise.all([createTestDatabase(false), createTestDatabase(false)]);
});
afterAll(async () => {
  for (const db of dbs) await db.drop();
});

async function recorded(url: string): Promise<{ migration_name: string; n: number }[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (
      await c.query<{ migration_name: string; n: number }>(
        `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
      )
    ).rows;
  } finally {
    await c.end();
  }
}

describe("migrations with several instances starting at once", () => {
  it("applies each migration once when six migrators start together on an empty database", async () => {
    const url = dbs[0]!.url;
    const results = await Promise.all(Array.from({ length: 6 }, () => applyMigrations(url)));
    // together they applied every migration, each exactly once; the others found it done
    expect(results.flat().sort()).toEqual(NAMES);
    expect(await recorded(url)).toEqual(NAMES.map((migration_name) => ({ migration_name, n: 1 })));
    // and a later start finds nothing left to do
    expect(await applyMigrations(url)).toEqual([]);
  });

  it("waits while another migrator (Prisma's lock key) holds the lock, then applies", async () => {
    const url = dbs[1]!.url;
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(${MIGRATION_LOCK})`);
      const migrating = applyMigrations(url);
      // the migrator's session shows up waiting for that lock (not granted) before it touches anything
      let waiting = 0;
      for (let i = 0; i < 600 && waiting === 0; i++) {
        const r = await holder.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          [MIGRATION_LOCK],
        );
        waiting = r.rows[0]!.n;
        if (waiting === 0) await new Promise((r) => setTimeout(r, 50));
      }
      expect(waiting).toBe(1);
      const table = await holder.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
      expect(table.rows[0].t).toBeNull();
      await holder.query(`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`);
      expect(await migrating).toEqual(NAMES);
    } finally {
      await holder.end();
    }
  });
});
