// The built server on its embedded PostgreSQL (.data/e2e-postgres), with real processes:
// `cli import` on the same data directory shares the server's PostgreSQL and leaves it up;
// then PostgreSQL is stopped under the running server (pages 503 "Database unavailable,
// retrying" without JavaScript, the API and health 503 JSON) and started again, and the same
// server answers again without a restart.
import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { forceStopEmbeddedPostgres, runningPostmaster, startEmbeddedPostgres, type EmbeddedServer } from "../lib/server/embedded-postgres";

const DIR = path.join(process.cwd(), ".data", "e2e-postgres");
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 5435);

test.describe.configure({ mode: "serial" });

let restarted: EmbeddedServer | undefined;
test.afterAll(async () => {
  // leave the PostgreSQL we started to the server (it is listed as a user, so this does not stop it)
  await restarted?.stop();
});

test("cli import on the server's data directory shares its PostgreSQL; health stays 200 through and after", async ({ request }) => {
  const pm = runningPostmaster(DIR);
  expect(pm, "the e2e server's PostgreSQL runs on .data/e2e-postgres").not.toBeNull();
  const env: NodeJS.ProcessEnv = { ...process.env, BISECTVIEW_PG_DIR: DIR, BISECTVIEW_PG_PORT: String(PG_PORT) };
  delete env.DATABASE_URL;
  // the golden logs are seeded already: the import adds nothing, but it does open and leave the database
  const child = spawn(process.execPath, ["scripts/cli.mjs", "import", "lib/parser/testdata"], { env });
  let stderr = "";
  let stdout = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const statuses: number[] = [];
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    statuses.push((await request.get("/api/health")).status());
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await exited).toBe(0);
  expect(stdout).toMatch(/imported: 0, duplicates: [1-9]\d*, rejected: 0/);
  expect(stderr).toMatch(/using the PostgreSQL already running/);
  expect(statuses.length).toBeGreaterThan(3);
  expect(statuses.every((s) => s === 200)).toBe(true);
  await new Promise((r) => setTimeout(r, 300));
  expect((await request.get("/api/health")).status()).toBe(200);
  expect(runningPostmaster(DIR)?.pid).toBe(pm!.pid);
});

test("PostgreSQL down: readable 503 pages without JavaScript, 503 JSON from the API; back up: served again without a restart", async ({ browser, request }) => {
  await forceStopEmbeddedPostgres(DIR);

  const health = await request.get("/api/health");
  expect(health.status()).toBe(503);
  expect((await health.json()).database).toMatch(/^unreachable: /);
  const api = await request.get("/api/bisections");
  expect(api.status()).toBe(503);
  expect((await api.json()).error).toMatch(/^database unavailable: /);

  const ctx = await browser.newContext({ javaScriptEnabled: false });
  const page = await ctx.newPage();
  const res = await page.goto("/");
  expect(res?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: "Database unavailable, retrying" })).toBeVisible();
  await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(1);
  await expect(page.locator("body")).not.toContainText("Minified React error");
  const b = await page.goto("/b/000000000000");
  expect(b?.status()).toBe(503);
  await expect(page.getByRole("heading", { name: "Database unavailable, retrying" })).toBeVisible();

  restarted = await startEmbeddedPostgres({ dir: DIR, port: PG_PORT, database: "bisectview", role: "e2e restart" });
  await expect.poll(async () => (await request.get("/api/health")).status(), { timeout: 15_000 }).toBe(200);
  const back = await page.goto("/");
  expect(back?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: /^Bisections/ })).toBeVisible();
  await ctx.close();
});
