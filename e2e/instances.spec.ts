// Two app instances on one PostgreSQL, behind nothing but their own ports: two real server
// processes (scripts/serve.ts on the built app) started at the same moment on a fresh database
// of the e2e PostgreSQL, so both run the migrator at once. Then concurrent uploads of the same
// and of different logs (sharing crash titles) at both, the write rate limit counted across
// both, and what one instance stores (a log, a mark) read from the other: nothing an instance
// keeps in its own memory (the detail cache by id, the in-flight list queries) may hide it.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { bisectionIdFor, contentHash, normalizeLog } from "../lib/ingest/normalize";
import { isCrashOutcome, startTitle } from "../lib/ingest/map";
import { parseBisectionLog } from "../lib/parser";
import { freePort } from "../lib/server/process";

const PG = `postgresql://postgres:bisectview@127.0.0.1:${process.env.E2E_PG_PORT ?? "5435"}`;
const DB = `instances_${randomBytes(4).toString("hex")}`;
const TOKENS = { u0: "inst-u0-3f9a", u1: "inst-u1-77c2", u2: "inst-u2-a1d0", bob: "inst-bob-5e21", alice: "inst-alice-c4b8", carol: "inst-carol-90fe" };
/** 20 writes per client per UTC day: far above what one test sends per token, except the rate test's */
const LIMIT = 20;

const golden = (f: string) => readFileSync(path.join("lib/parser/testdata", f), "utf8");
const idOf = (text: string) => bisectionIdFor(contentHash(normalizeLog(text)));
// 8 pairs of real logs (the smallest in the corpus), each pair of one crash, so that stores of
// different logs race to create the same crash signature: instance A takes the first of each pair
// while B takes the second
const PAIRS = [
  ["17c55847600000", "12241299600000"], // WARNING: ODEBUG bug in netdev_freemem
  ["147c5954e00000", "14764e5b200000"], // WARNING in smc_unhash_sk
  ["138c726ee00000", "113dd700500000"], // WARNING in sysfs_warn_dup
  ["10135a96e00000", "149a8a20600000"], // BUG: Bad rss-counter state
  ["11958f12600000", "16610cf0600000"], // general protection fault in send_hsr_supervision_frame
  ["157069ccd00000", "10008d0e500000"], // WARNING in hif_usb_send/usb_submit_urb
  ["17fcf959e00000", "165cdcb1e00000"], // general protection fault in batadv_iv_ogm_queue_add
  ["17468471300000", "1216f83b300000"], // BUG: sleeping function called from invalid context in lock_sock_nested
].map((pair) => pair.map((x) => readFileSync(`../shared/corpus/syzbot-cause-2019-2023/Log_${x}.txt`, "utf8")));
const RACED = PAIRS.flat();

/** What the stored rows must say of a log's crash signatures, read from its parse. */
function expectedSignatures(text: string) {
  const parsed = parseBisectionLog(normalizeLog(text));
  if (!parsed.ok) throw new Error(`not a log: ${parsed.reason}`);
  const log = parsed.log;
  const runs = log.steps.flatMap((s) => s.runs).filter((r) => r.title && isCrashOutcome(r.outcome));
  const crash = log.crash?.title ?? null;
  return { id: idOf(text), crash, start: startTitle(log), report: crash, runs: runs.length, linked: runs.length };
}

// two logs of one crash ("KASAN: vmalloc-out-of-bounds Read in __bpf_prog_put"): X found a culprit, Y was cut short
const X = golden("corpus/2021-git-warnings-20runs-kasan.Log_13532e85b00000.txt");
const Y = golden("corpus/2021-incomplete-cut-at-line-105.Log_13532e85b00000.txt");
const X_CULPRIT = "38207a5e8123";

interface Instance {
  base: string;
  child: ChildProcess;
  out: string;
}
let instances: Instance[] = [];

async function sql<T extends pg.QueryResultRow>(database: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: `${PG}/${database}` });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

async function start(port: number): Promise<Instance> {
  const inst: Instance = { base: `http://127.0.0.1:${port}`, out: "", child: undefined as unknown as ChildProcess };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: `${PG}/${DB}`,
    BISECTVIEW_UPLOAD_TOKEN: Object.entries(TOKENS).map(([who, t]) => `${who}:${t}`).join(","),
    BISECTVIEW_WRITE_RATE: `${LIMIT}/24hour`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  delete env.BISECTVIEW_MIGRATE; // both migrate at start, at the same moment
  inst.child = spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  inst.child.stdout!.on("data", (d: Buffer) => (inst.out += d.toString()));
  inst.child.stderr!.on("data", (d: Buffer) => (inst.out += d.toString()));
  return inst;
}

async function ready(inst: Instance) {
  // a start takes 20-30 s on the shared 2-core machine (migrations, then Next's prepare)
  for (let i = 0; i < 960; i++) {
    if (inst.child.exitCode !== null) throw new Error(`instance exited ${inst.child.exitCode}: ${inst.out}`);
    if (await fetch(`${inst.base}/api/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  const sessions = await sql("postgres", `SELECT pid, state, wait_event_type, wait_event, left(query, 120) AS query FROM pg_stat_activity WHERE datname = $1`, [DB]);
  throw new Error(`instance on ${inst.base} did not start in 240 s; it printed: ${JSON.stringify(inst.out)}; sessions on ${DB}: ${JSON.stringify(sessions)}`);
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => (clearTimeout(kill), resolve()));
    child.kill("SIGTERM");
  });

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await sql("postgres", `CREATE DATABASE ${DB} TEMPLATE template0`);
  const ports = [await freePort(), await freePort()];
  instances = await Promise.all(ports.map(start));
  await Promise.all(instances.map(ready));
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await Promise.all(instances.map((i) => stop(i.child)));
  await sql("postgres", `DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
});

const api = (playwright: { request: { newContext(o: { baseURL: string }): Promise<APIRequestContext> } }, i: number) =>
  playwright.request.newContext({ baseURL: instances[i]!.base });
const upload = (ctx: APIRequestContext, who: keyof typeof TOKENS, text: string) =>
  ctx.post("/api/bisections", { headers: { authorization: `Bearer ${TOKENS[who]}`, "content-type": "text/plain" }, data: text });
const page = async (browser: Browser, i: number, url: string) => {
  const ctx = await browser.newContext({ baseURL: instances[i]!.base, javaScriptEnabled: false });
  const p = await ctx.newPage();
  const res = await p.goto(url);
  return { p, status: res?.status(), close: () => ctx.close() };
};

test("both instances started together and migrated the empty database once", async () => {
  const names = readdirSync("prisma/migrations").filter((n) => existsSync(path.join("prisma/migrations", n, "migration.sql")));
  const rows = await sql<{ migration_name: string; n: number }>(DB, `SELECT migration_name, count(*)::int AS n FROM "_prisma_migrations" GROUP BY 1 ORDER BY 1`);
  expect(rows).toEqual(names.sort().map((migration_name) => ({ migration_name, n: 1 })));
  // one of them applied the migrations, the other waited for its lock and found nothing to do
  expect(instances.filter((i) => i.out.includes("applied migrations:"))).toHaveLength(1);
});

test("the same and different logs uploaded at once to both instances land exactly once, whole", async ({ playwright }) => {
  const ctxs = [await api(playwright, 0), await api(playwright, 1)];
  // every log at both instances, all 32 in flight together: A takes the pairs' first logs then
  // their second ones, B the other way round, so that while one instance stores a log the other
  // stores the other log of its crash (tokens in turn, at most 11 writes each)
  const order = [
    [...PAIRS.map((_, i) => 2 * i), ...PAIRS.map((_, i) => 2 * i + 1)],
    [...PAIRS.map((_, i) => 2 * i + 1), ...PAIRS.map((_, i) => 2 * i)],
  ];
  const jobs = order[0]!.flatMap((_, k) =>
    [0, 1].map((instance) => {
      const log = order[instance]![k]!;
      return { log, instance, res: upload(ctxs[instance]!, `u${(2 * k + instance) % 3}` as "u0", RACED[log]!) };
    }),
  );
  const answers = await Promise.all(jobs.map(async (j) => ({ ...j, status: (await j.res).status(), body: await (await j.res).json() })));
  expect(answers.filter((a) => a.status !== 200 && a.status !== 201).map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([]);
  RACED.forEach((text, log) => {
    const mine = answers.filter((a) => a.log === log);
    // one permalink from both instances, stored by exactly one of the two uploads
    expect(mine.map((a) => a.body.id)).toEqual([idOf(text), idOf(text)]);
    expect(mine.map((a) => a.body.duplicate).sort()).toEqual([false, true]);
    expect(mine.map((a) => a.status).sort()).toEqual([200, 201]);
  });
  expect(await sql(DB, `SELECT count(*)::int AS n, count(DISTINCT content_hash)::int AS hashes FROM bisection`)).toEqual([{ n: RACED.length, hashes: RACED.length }]);
  expect(await sql(DB, `SELECT count(*)::int AS n FROM raw_log`)).toEqual([{ n: RACED.length }]);
  // whole: each keeps its crash, start and crash-report signature and every crashed run's
  const stored = await sql(
    DB,
    `SELECT b.id, cs.title AS crash, ss.title AS start, rs.title AS report,
       (SELECT count(*)::int FROM run r WHERE r.bisection_id = b.id AND r.title IS NOT NULL AND r.outcome IN ('crashed', 'boot-failed')) AS runs,
       (SELECT count(*)::int FROM run r JOIN crash_signature s ON s.id = r.signature_id AND s.title = r.title WHERE r.bisection_id = b.id) AS linked
     FROM bisection b
     LEFT JOIN crash_signature cs ON cs.id = b.crash_signature_id
     LEFT JOIN crash_signature ss ON ss.id = b.start_signature_id
     LEFT JOIN crash_report cr ON cr.bisection_id = b.id
     LEFT JOIN crash_signature rs ON rs.id = cr.signature_id
     ORDER BY b.id`,
  );
  expect(stored).toEqual(RACED.map(expectedSignatures).sort((p, q) => (p.id < q.id ? -1 : 1)));
  for (const c of ctxs) await c.dispose();
});

test("the write rate limit is one count across both instances (kept in PostgreSQL)", async ({ playwright }) => {
  test.setTimeout(240_000);
  // the window is the UTC day: a burst must not straddle midnight
  const [{ left }] = await sql<{ left: number }>(DB, `SELECT (86400 - extract(epoch FROM clock_timestamp())::bigint % 86400)::int AS left`);
  if (left < 90) await new Promise((r) => setTimeout(r, (left + 2) * 1000));
  const ctxs = [await api(playwright, 0), await api(playwright, 1)];
  // 25 writes by one client (not logs: each is counted, then refused as text), alternating instances
  const answers = await Promise.all(
    Array.from({ length: LIMIT + 5 }, async (_, i) => {
      const res = await upload(ctxs[i % 2]!, "bob", "not a bisection log\n");
      return { status: res.status(), retryAfter: res.headers()["retry-after"], body: await res.json() };
    }),
  );
  expect(answers.filter((a) => a.status === 400)).toHaveLength(LIMIT);
  const refused = answers.filter((a) => a.status === 429);
  expect(refused).toHaveLength(5);
  for (const a of refused) {
    expect(Number(a.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(a.body.error).toMatch(/^too many uploads: this server takes 20 per 86400 s from one client; try again in \d+ s$/);
  }
  // both instances refuse the next one, each having seen only half of the writes
  for (const c of ctxs) expect((await upload(c, "bob", "x\n")).status()).toBe(429);
  const rows = await sql<{ hits: number }>(DB, `SELECT hits FROM write_rate WHERE client = 'token:bob'`);
  expect(rows).toEqual([{ hits: LIMIT + 7 }]);
  for (const c of ctxs) await c.dispose();
});

test("a log uploaded on one instance, and a mark added there, show at once on the other", async ({ playwright, browser }) => {
  const [a, b] = [await api(playwright, 0), await api(playwright, 1)];
  const x = idOf(X);
  const y = idOf(Y);
  // B has not seen X: a 404 (and nothing cached for it)
  let v = await page(browser, 1, `/b/${x}`);
  expect(v.status).toBe(404);
  await v.close();
  expect((await upload(a, "alice", X)).status()).toBe(201);
  v = await page(browser, 1, `/b/${x}`);
  expect(v.status).toBe(200);
  await expect(v.p.getByTestId("marks-summary")).toHaveText("no developer has marked this yet");
  await expect(v.p.locator("#related")).toHaveCount(0); // no other bisection of this crash yet
  await v.close();
  // B's list and search see it (the list's in-flight sharing holds nothing between requests)
  expect((await (await b.get(`/api/bisections?q=${X_CULPRIT}`)).json()).rows.map((r: { id: string }) => r.id)).toContain(x);

  // another log of the same crash, stored through A: B's page of X lists it, B serves it
  expect((await upload(a, "alice", Y)).status()).toBe(201);
  v = await page(browser, 1, `/b/${x}`);
  await expect(v.p.locator("#related-h")).toHaveText("Other bisections of this crash (1)");
  await expect(v.p.locator(`#related a[href="/b/${y}"]`)).toBeVisible();
  await v.close();
  v = await page(browser, 1, `/b/${y}`);
  expect(v.status).toBe(200);
  await v.close();

  // a mark through A, read from B's page (whose detail of X is cached by now), its API and list filter
  const mark = await a.post(`/api/bisections/${x}/marks`, {
    headers: { authorization: `Bearer ${TOKENS.alice}` },
    data: { verdict: "wrong", note: "marked on instance A" },
  });
  expect(mark.status()).toBe(201);
  v = await page(browser, 1, `/b/${x}`);
  await expect(v.p.getByTestId("marks-summary")).toHaveText("1 developer marked this culprit wrong");
  await expect(v.p.locator("#marks")).toContainText("marked on instance A");
  await v.close();
  const marks = await (await b.get(`/api/bisections/${x}/marks`)).json();
  expect(JSON.stringify(marks)).toContain("marked on instance A");
  expect((await (await b.get(`/api/bisections?mark=wrong`)).json()).rows.map((r: { id: string }) => r.id)).toEqual([x]);

  // and the other way: alice changes her mind on B, carol agrees on B; A's page says so
  for (const [who, verdict] of [["alice", "right"], ["carol", "right"]] as const) {
    const res = await b.post(`/api/bisections/${x}/marks`, { headers: { authorization: `Bearer ${TOKENS[who]}` }, data: { verdict, note: `${who} on B` } });
    expect(res.status()).toBe(201);
  }
  v = await page(browser, 0, `/b/${x}`);
  await expect(v.p.getByTestId("marks-summary")).toHaveText("2 developers marked this culprit right");
  await v.close();
  expect((await (await a.get(`/api/bisections?mark=wrong`)).json()).rows).toEqual([]);
  for (const c of [a, b]) await c.dispose();
});

test("a form one instance rendered posts to the other (one build: the same server action ids and key)", async ({ playwright }) => {
  const [a, b] = [await api(playwright, 0), await api(playwright, 1)];
  const html = await (await a.get("/upload")).text();
  const form = [...html.matchAll(/<form[^>]*>.*?<\/form>/gs)].map((m) => m[0]).find((f) => f.includes("$ACTION_KEY"));
  expect(form, "the upload form of instance A").toBeDefined();
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const hidden = Object.fromEntries(
    [...form!.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map((m) => [decode(m[1]!), decode(m[2] ?? "")]),
  );
  expect(Object.keys(hidden)).toContain("$ACTION_KEY");
  const text = golden("synthetic/cause-found-2023-kasan.txt");
  // as a browser sends it without JavaScript, to B (behind one balancer, both have the same host)
  const res = await b.post("/upload", {
    multipart: { ...hidden, log: text, token: TOKENS.carol },
    headers: { origin: instances[1]!.base },
    maxRedirects: 0,
  });
  expect(res.status()).toBe(303);
  expect(res.headers().location).toBe(`/b/${idOf(text)}`);
  expect((await a.get(`/b/${idOf(text)}`)).status()).toBe(200);
  for (const c of [a, b]) await c.dispose();
});
