// The embedded PostgreSQL's lifecycle: a server orphaned by a SIGKILL is found at the next
// start and adopted (used, then stopped when its new user leaves), and a taken port gives a
// clear error. Sharing between live processes: shared-db.test.ts.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { freePort, processAlive } from "./process";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});



describe("embedded PostgreSQL", () => {
  it("adopts a server orphaned by a SIGKILL, uses its data, and stops it when done", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bisectview-pg-"));
    dirs.push(dir);
    const port = await freePort();
    const script = `const { startEmbeddedPostgres } = await import(${JSON.stringify(path.resolve("lib/server/embedded-postgres.ts"))});
      await startEmbeddedPostgres({ dir: ${JSON.stringify(dir)}, port: ${port}, database: "orphan" });
      console.log("ready"); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => d.toString().includes("ready") && resolve());
      child.once("exit", (code) => reject(new Error(`child exited ${code}`)));
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const orphan = Number(readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]);
    expect(processAlive(orphan)).toBe(true);

    const server = await startEmbeddedPostgres({ dir, port, database: "orphan" });
    expect(server.mode).toBe("adopted");
    expect(server.pid).toBe(orphan);
    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    expect((await c.query("SELECT 1 AS one")).rows[0].one).toBe(1);
    await c.end();
    await server.stop();
    expect(processAlive(orphan)).toBe(false);
    expect(existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });

  it("says the port is taken, and what to do, instead of rejecting with undefined", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bisectview-pg-"));
    dirs.push(dir);
    const port = await freePort();
    const blocker: Server = createServer();
    await new Promise<void>((r) => blocker.listen(port, "127.0.0.1", () => r()));
    try {
      await expect(startEmbeddedPostgres({ dir, port, database: "x" })).rejects.toThrow(
        new RegExp(`did not start on port ${port}.*BISECTVIEW_PG_PORT`),
      );
    } finally {
      blocker.close();
    }
  });
});
