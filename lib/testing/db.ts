// A fresh, migrated database per test file on the run's embedded PostgreSQL.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { createPrismaClient } from "../db";
import { applyMigrations } from "../server/migrate";
import type { PrismaClient } from "../generated/prisma/client";

export interface TestDatabase {
  url: string;
  prisma: PrismaClient;
  drop(): Promise<void>;
}

export async function createTestDatabase(migrate = true): Promise<TestDatabase> {
  const admin = inject("pgAdminUrl");
  const name = `test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  // template0 accepts no connections, so parallel test files cannot collide on it
  await client.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  await client.end();
  const url = admin.replace(/\/[^/]*$/, `/${name}`);
  if (migrate) await applyMigrations(url);
  const prisma = createPrismaClient(url);
  return {
    url,
    prisma,
    async drop() {
      await prisma.$disconnect();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
