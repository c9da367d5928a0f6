// Databases of 1,000, 100,000 and 1,000,000 bisections for `npm run bench -- pages`, built from
// the real corpus: the golden logs and the corpus are imported through lib/ingest once
// (`bench_base`, ~800 bisections, the templates), then each bigger database is filled in SQL
// (`INSERT ... SELECT` over `generate_series`): every generated bisection copies a template
// picked at random (its outcome, verdict, crash titles, culprit and its first 100 files, crash
// report, search text), with a fresh id and content hash, fresh found, start and candidate
// commits (rows in `commit` too) and a random upload time in 2019-2025, so titles and dates
// are spread over the table the way real ones are rather than copied in blocks. Steps, runs,
// frames and raw logs are not copied: no list or search query reads them, and `/b/<id>` is
// measured on a real bisection; their cost per bisection is measured on the corpus instead.
// The data directory is kept (BENCH_DB_DIR, default .data/bench-scale): building 1,000,000
// takes minutes, and the next run only applies new migrations and measures.
import { mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/server/embedded-postgres";
import { applyMigrations } from "@/lib/server/migrate";
import { freePort } from "@/lib/server/process";
import { corpusTexts, goldenTexts } from "./corpus";
import { importQuietly } from "./import";

const CHUNK = 50_000;
/** generated bisections copy at most this many of their template's culprit files */
const FILES_PER_COPY = 100;
/** tables the fill writes: their secondary indexes are dropped for a big fill and built after */
const FILLED = ["bisection", "culprit", "culprit_file", "crash_report", "commit"];

type Log = (s: string) => void;

/** `'f' || 11 hex digits`, distinct for every g below 2^44 (an odd multiplier mod 2^44 is a bijection). */
const ID = (g: string) => `'f' || lpad(to_hex((${g} * 2654435761::bigint) % 17592186044416), 11, '0')`;
const HEX40 = (tag: string, g: string) => `md5('${tag}' || ${g}) || substr(md5('${tag}:' || ${g}), 1, 8)`;
/** a number in [0, 1) from g, the same on every run */
const UNIT = (tag: string, g: string) => `(('x' || substr(md5('${tag}' || ${g}), 1, 8))::bit(32)::bigint / 4294967296.0)`;
const DATE = (tag: string, g: string) => `timestamp '2019-01-01' + ${UNIT(tag, g)} * interval '2555 days'`;

async function columns(c: pg.Client, table: string): Promise<string[]> {
  const res = await c.query<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
    [table],
  );
  return res.rows.map((r) => r.column_name);
}

/** `INSERT INTO table (every column) SELECT override or <alias>.column ...`: new columns are copied as they are. */
async function copyInto(c: pg.Client, table: string, alias: string, overrides: Record<string, string>, from: string): Promise<number> {
  const cols = await columns(c, table);
  const exprs = cols.map((col) => overrides[col] ?? `${alias}."${col}"`);
  const res = await c.query(`INSERT INTO "${table}" (${cols.map((x) => `"${x}"`).join(", ")}) SELECT ${exprs.join(", ")} ${from}`);
  return res.rowCount ?? 0;
}

async function fillChunk(c: pg.Client, from: number, to: number, templates: number) {
  await c.query("BEGIN");
  await c.query(`CREATE TEMP TABLE m ON COMMIT DROP AS
    SELECT g, ${ID("g")} AS id, t.id AS tpl, ${HEX40("found", "g")} AS found, ${HEX40("start", "g")} AS start,
      ARRAY(SELECT ${HEX40("cand", "g || ':' || k")} FROM generate_subscripts(b.candidates, 1) k ORDER BY k) AS cands,
      ${DATE("date", "g")} AS at
    FROM generate_series(${from}::bigint, ${to}::bigint) g
    JOIN bench_template t ON t.n = 1 + (('x' || substr(md5('tpl' || g), 1, 8))::bit(32)::bigint % ${templates})
    JOIN bisection b ON b.id = t.id`);
  await c.query(`INSERT INTO "commit" (hash, subject)
    SELECT m.start, NULL FROM m
    UNION ALL SELECT m.found, fc.subject FROM m JOIN bisection b ON b.id = m.tpl JOIN "commit" fc ON fc.hash = b.found_commit_hash
    UNION ALL SELECT unnest(m.cands), NULL FROM m
    ON CONFLICT DO NOTHING`);
  await copyInto(c, "bisection", "b", {
    id: "m.id",
    content_hash: `m.id || md5('hash' || m.g) || substr(md5('hash:' || m.g), 1, 20)`,
    uploaded_at: "m.at",
    start_commit_hash: "m.start",
    found_commit_hash: "CASE WHEN b.found_commit_hash IS NULL THEN NULL ELSE m.found END",
    candidates: "m.cands",
  }, "FROM m JOIN bisection b ON b.id = m.tpl");
  await copyInto(c, "culprit", "u", { bisection_id: "m.id", hash: "m.found" }, `FROM m JOIN culprit u ON u.bisection_id = m.tpl`);
  await copyInto(c, "culprit_file", "f", { bisection_id: "m.id" },
    `FROM m JOIN LATERAL (SELECT * FROM culprit_file x WHERE x.bisection_id = m.tpl ORDER BY x.path LIMIT ${FILES_PER_COPY}) f ON true`);
  await copyInto(c, "crash_report", "r", { bisection_id: "m.id" }, `FROM m JOIN crash_report r ON r.bisection_id = m.tpl`);
  await c.query("COMMIT");
}

/** Fills the database at `url` up to `target` bisections (nothing when it has them). */
async function fill(url: string, target: number, log: Log): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const have = Number((await c.query("SELECT count(*) AS n FROM bisection")).rows[0].n);
    if (have >= target) return have;
    const templates = Number((await c.query("SELECT count(*) AS n FROM bench_template")).rows[0].n);
    await c.query("SET maintenance_work_mem = '1GB'");
    const big = target - have > CHUNK;
    const dropped: { name: string; def: string }[] = [];
    if (big) {
      const res = await c.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i JOIN pg_class ic ON ic.relname = i.indexname
         JOIN pg_index x ON x.indexrelid = ic.oid WHERE i.schemaname = 'public' AND i.tablename = ANY($1) AND NOT x.indisunique`,
        [FILLED],
      );
      for (const r of res.rows) {
        await c.query(`DROP INDEX "${r.name}"`);
        dropped.push(r);
      }
    }
    const t0 = performance.now();
    // generated rows are numbered after the templates: g = 1 is the first bisection beyond them
    for (let g = have - templates + 1; g <= target - templates; g += CHUNK) {
      const to = Math.min(g + CHUNK - 1, target - templates);
      await fillChunk(c, g, to, templates);
      log(`  ${(templates + to).toLocaleString("en")} bisections (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    for (const r of dropped) {
      const t1 = performance.now();
      await c.query(r.def);
      log(`  index ${r.name} built in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
    }
    await c.query("VACUUM ANALYZE");
    log(`  filled to ${target.toLocaleString("en")} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return target;
  } finally {
    await c.end();
  }
}

/** The templates: the golden logs and the corpus through lib/ingest, upload times spread over
 *  the same years as the generated rows. */
async function buildBase(url: string, log: Log) {
  const t0 = performance.now();
  await importQuietly(url, [...goldenTexts(), ...corpusTexts()]);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`UPDATE bisection SET uploaded_at = ${DATE("real", "id")}`);
    await c.query("CREATE TABLE bench_template (n int PRIMARY KEY, id text NOT NULL)");
    await c.query("INSERT INTO bench_template SELECT row_number() OVER (ORDER BY id), id FROM bisection");
    await c.query("VACUUM ANALYZE");
    const n = (await c.query("SELECT count(*) AS n FROM bench_template")).rows[0].n;
    log(`bench_base: ${n} templates imported through lib/ingest in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await c.end();
  }
}

async function databaseExists(admin: pg.Client, name: string): Promise<boolean> {
  return ((await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount ?? 0) > 0;
}

export interface ScaleDatabases {
  dir: string;
  /** the database holding `size` bisections */
  url(size: number): string;
  stop(): Promise<void>;
}

/** One database per size, each made from the next smaller one (CREATE DATABASE ... TEMPLATE). */
export async function scaleDatabases(sizes: number[], log: Log = console.log): Promise<ScaleDatabases> {
  const dir = path.resolve(process.env.BENCH_DB_DIR ?? ".data/bench-scale");
  mkdirSync(path.dirname(dir), { recursive: true });
  const server = await startEmbeddedPostgres({ dir, port: await freePort(), database: "bench_base", role: "bench" });
  const urlOf = (db: string) => server.url.replace(/\/[^/]*$/, `/${db}`);
  const admin = new pg.Client({ connectionString: urlOf("postgres") });
  await admin.connect();
  try {
    await applyMigrations(urlOf("bench_base"));
    if (!(await hasTemplates(urlOf("bench_base")))) await buildBase(urlOf("bench_base"), log);
    let previous = "bench_base";
    for (const size of [...sizes].sort((a, b) => a - b)) {
      const name = `bench_${size}`;
      if (!(await databaseExists(admin, name))) await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${previous}"`);
      await applyMigrations(urlOf(name));
      log(`${name}:`);
      await fill(urlOf(name), size, log);
      previous = name;
    }
  } catch (e) {
    await admin.end();
    await server.stop();
    throw e;
  }
  await admin.end();
  return { dir, url: (size) => urlOf(`bench_${size}`), stop: () => server.stop() };
}

async function hasTemplates(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query("SELECT to_regclass('bench_template') AS t")).rows[0].t !== null;
  } finally {
    await c.end();
  }
}
