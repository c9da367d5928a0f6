// PostgreSQL going away under a running app, for real: its own embedded server is stopped and
// started again under the route handlers and pages of this process (one Prisma client, never
// recreated). While it is down the API answers 503 JSON {error}, /api/health 503 says what is
// down, pages render the readable "database unavailable, retrying" view; when it is back
// everything answers again without a restart. The CLI import stops on an outage with one line
// and a re-run resumes without duplicates.
import { execFile, spawn } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forceStopEmbeddedPostgres, startEmbeddedPostgres, type EmbeddedServer } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/server/process";
import { PEER_HEADER } from "@/lib/server/auth";

const FIXTURE = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
const CORPUS = "../shared/corpus/syzbot-cause-2019-2023";

let root = "";
let dir = "";
let port = 0;
let server: EmbeddedServer;
type Handler = (req: Request, ctx?: unknown) => Promise<Response>;
let health: () => Promise<Response>;
let list: Handler;
let upload: Handler;
let one: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
let logTxt: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
let feed: Handler;
let marks: { GET: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>; POST: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response> };
let labels: () => Promise<Response>;
let xid: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
let Home: (p: { searchParams: Promise<Record<string, string>> }) => Promise<ReactElement>;
let Bisection: (p: { params: Promise<{ id: string }> }) => Promise<ReactElement>;
let bisectionMetadata: (p: { params: Promise<{ id: string }> }) => Promise<{ title?: unknown }>;
let id = "";

async function startPg() {
  server = await startEmbeddedPostgres({ dir, port, database: "faults" });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "bisectview-faults-"));
  chmodSync(root, 0o755);
  dir = path.join(root, "postgres");
  port = await freePort();
  await startPg();
  await applyMigrations(server.url);
  process.env.DATABASE_URL = server.url;
  ({ GET: health } = await import("./api/health/route"));
  ({ GET: list, POST: upload } = (await import("./api/bisections/route")) as unknown as { GET: Handler; POST: Handler });
  ({ GET: one } = await import("./api/bisections/[id]/route"));
  ({ GET: logTxt } = await import("./b/[id]/log.txt/route"));
  ({ GET: feed } = (await import("./feed.atom/route")) as unknown as { GET: Handler });
  marks = await import("./api/bisections/[id]/marks/route");
  ({ GET: labels } = await import("./api/labels/route"));
  ({ GET: xid } = await import("./x/[id]/route"));
  Home = (await import("./page")).default as typeof Home;
  const b = await import("./b/[id]/page");
  Bisection = b.default as unknown as typeof Bisection;
  bisectionMetadata = b.generateMetadata as unknown as typeof bisectionMetadata;
}, 120_000);

afterAll(async () => {
  await forceStopEmbeddedPostgres(dir);
  rmSync(root, { recursive: true, force: true });
});

const api = "http://127.0.0.1:3000/api/bisections";
/** a write from loopback, as scripts/serve.ts marks it (lib/server/auth.ts) */
const local = { "content-type": "text/plain", [PEER_HEADER]: "127.0.0.1" };
const params = (v: string) => ({ params: Promise.resolve({ id: v }) });

describe("PostgreSQL down, then back, under the same app", () => {
  it("serves normally first", async () => {
    const res = await upload(new Request(api, { method: "POST", headers: local, body: FIXTURE }));
    expect(res.status).toBe(201);
    id = (await res.json()).id;
    expect((await health()).status).toBe(200);
  });

  it("answers 503 with a JSON error on every API route while it is down, and health says what is down", async () => {
    await forceStopEmbeddedPostgres(dir);
    const h = await health();
    expect(h.status).toBe(503);
    const hb = await h.json();
    expect(hb.ok).toBe(false);
    expect(hb.database).toMatch(/^unreachable: /);

    for (const res of [
      await list(new Request(api)),
      await one(new Request(`${api}/${id}`), params(id)),
      await upload(new Request(api, { method: "POST", headers: local, body: FIXTURE.replace("bisecting", "Bisecting") })),
      await logTxt(new Request(`http://127.0.0.1:3000/b/${id}/log.txt`), params(id)),
      await feed(new Request("http://127.0.0.1:3000/feed.atom")),
      await marks.GET(new Request(`${api}/${id}/marks`), params(id)),
      await marks.POST(new Request(`${api}/${id}/marks`, { method: "POST", headers: { ...local, "content-type": "application/json" }, body: '{"verdict": "wrong"}' }), params(id)),
      await labels(),
      await xid(new Request("http://127.0.0.1:3000/x/10073cd0700000"), params("10073cd0700000")),
    ]) {
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      const body = await res.json();
      expect(body.error).toMatch(/^database unavailable: .+; retry shortly$/);
    }
  });

  it("renders pages as a readable 'database unavailable, retrying' view that refreshes itself", async () => {
    for (const el of [await Home({ searchParams: Promise.resolve({}) }), await Bisection(params(id))]) {
      const html = renderToStaticMarkup(el);
      expect(html).toContain("Database unavailable, retrying");
      expect(html).toContain('http-equiv="refresh"');
      expect(html).not.toMatch(/Minified React error/);
    }
    expect((await bisectionMetadata(params(id))).title).toBe("Database unavailable");
  });

  it("recovers without a restart when PostgreSQL is back", async () => {
    await startPg();
    const h = await health();
    expect(h.status).toBe(200);
    expect((await h.json()).bisections).toBe(1);
    const res = await one(new Request(`${api}/${id}`), params(id));
    expect(res.status).toBe(200);
    expect((await res.json()).id).toBe(id);
    const html = renderToStaticMarkup(await Home({ searchParams: Promise.resolve({}) }));
    expect(html).not.toContain("Database unavailable");
    expect(html).toContain(`/b/${id}`);
  });
});

const run = promisify(execFile);

describe("cli import through an outage", () => {
  it("stops with one clear line and exit 3, and a re-run resumes without duplicates", async () => {
    const logs = mkdtempSync(path.join(os.tmpdir(), "bisectview-faults-logs-"));
    const names = readdirSync(CORPUS).filter((n) => n.endsWith(".txt")).sort().slice(0, 240);
    for (const n of names) copyFileSync(path.join(CORPUS, n), path.join(logs, n));
    const env = { ...process.env, DATABASE_URL: server.url };
    try {
      const child = spawn(process.execPath, ["scripts/cli.mjs", "import", logs], { env });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
      const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
      // stop PostgreSQL once the import is under way (its first progress line)
      await new Promise<void>((resolve, reject) => {
        const poll = () => (/import \d+\/240/.test(stderr) ? resolve() : child.exitCode !== null ? reject(new Error(stderr)) : setTimeout(poll, 10));
        poll();
      });
      await forceStopEmbeddedPostgres(dir);
      const code = await exited;
      expect(code).toBe(3);
      const outageLines = stderr.split("\n").filter((l) => /database unavailable/.test(l));
      expect(outageLines).toHaveLength(1);
      expect(outageLines[0]).toMatch(/^bisectview: database unavailable \(.+\): stopped after \d+ of 240 files stored \(\d+ new\); run the same command again to resume/);
      expect(stdout).not.toMatch(/rejected/);
      const firstNew = Number(outageLines[0].match(/\((\d+) new\)/)![1]);

      await startPg();
      const again = await run(process.execPath, ["scripts/cli.mjs", "import", logs], { env, maxBuffer: 16 << 20 });
      const m = again.stdout.match(/imported: (\d+), duplicates: (\d+), rejected: (\d+)/)!;
      const [imported, duplicates, rejected] = [Number(m[1]), Number(m[2]), Number(m[3])];
      expect(imported + duplicates + rejected).toBe(240);
      expect(duplicates).toBeGreaterThanOrEqual(firstNew);
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      const n = Number((await c.query("SELECT count(*)::int AS n FROM bisection")).rows[0].n);
      const distinct = Number((await c.query("SELECT count(DISTINCT content_hash)::int AS n FROM bisection")).rows[0].n);
      await c.end();
      // the fixture from above and every one of the 240 logs, each once. (Not 1 + firstNew +
      // imported: a log whose commit reached PostgreSQL just as it went down is stored, though
      // its answer was lost, so the first run could not count it; the re-run finds it stored.)
      expect(n).toBe(1 + 240 - rejected);
      expect(distinct).toBe(n);
      expect(imported).toBeLessThanOrEqual(240 - firstNew);
    } finally {
      rmSync(logs, { recursive: true, force: true });
    }
  }, 240_000);
});
