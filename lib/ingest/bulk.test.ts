// The bulk import against a real PostgreSQL: it stores exactly what ingestLog stores, each log
// whole or not at all (a log the database refuses does not block or half-store the others of
// its batch), duplicates answered with the stored id, and a re-run adds nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { logsUnder } from "@/lib/testing/logs-under";
import { ingestLog } from "@/lib/ingest";
import { bulkImport, type BulkResult } from "./bulk-import";
import { storeBatch } from "./bulk";
import { isRefusal, normalizeUpload, prepareNormalized } from "./prepare";
import { COPY_TABLES, logCopy, logRows, tableBytes, type LogCopy } from "./rows";
import { identityFromFileName } from "./syzbot-identity";

const SEED = "lib/parser/testdata/cause-kvm_wait-title-drift.txt";
// COPY's text format escapes backslashes, tabs and line ends: a log with them in titles,
// frames and its raw text
const ESCAPES = "synthetic:escapes";
const GOLDEN = [...logsUnder("lib/parser/testdata"), ESCAPES];
const texts = new Map(GOLDEN.map((f) => [f, f === ESCAPES ? escapes(readFileSync(SEED, "utf8")) : readFileSync(f, "utf8")]));

function escapes(seed: string): string {
  return seed.replaceAll("WARNING in kvm_wait", "WARNING in kvm\\wait\tx\\n").replaceAll("kvm_wait+0x", "kvm\\wait+0x").replace("\n", "\n\t\\ \\N\n");
}
const notOutage = () => false;

/** Every row of the tables a log fills, as JSON, with crash signature ids replaced by their
 *  titles (ids depend on insertion order) and insertion times left out. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const title = (col: string) => `(SELECT s.title FROM crash_signature s WHERE s.id = t.${col})`;
  const tables: [string, string][] = [
    ["bisection", `to_jsonb(t) - 'uploaded_at' - 'crash_signature_id' - 'start_signature_id' || jsonb_build_object('crash', ${title("crash_signature_id")}, 'start', ${title("start_signature_id")})`],
    ["raw_log", "to_jsonb(t)"],
    ["commit", "to_jsonb(t)"],
    ["crash_signature", "to_jsonb(t) - 'id'"],
    ["culprit", "to_jsonb(t)"],
    ["culprit_file", "to_jsonb(t)"],
    ["culprit_dir", "to_jsonb(t) - 'uploaded_at'"],
    ["step", "to_jsonb(t)"],
    ["run", `to_jsonb(t) - 'signature_id' || jsonb_build_object('sig', ${title("signature_id")})`],
    ["crash_report", `to_jsonb(t) - 'signature_id' || jsonb_build_object('sig', ${title("signature_id")})`],
    ["frame", "to_jsonb(t)"],
    ["syzbot_link", "to_jsonb(t) - 'updated_at'"],
    ["bisection_tally", "to_jsonb(t)"],
  ];
  const out: Record<string, string[]> = {};
  try {
    for (const [table, expr] of tables) {
      out[table] = (await c.query<{ j: string }>(`SELECT (${expr})::text AS j FROM "${table}" t`)).rows.map((r) => r.j).sort();
    }
  } finally {
    await c.end();
  }
  return out;
}

async function runImport(url: string, names: string[], read = (n: string) => Promise.resolve(texts.get(n) ?? readFileSync(n, "utf8")), batchSize = 8, retries: string[] = []) {
  const results: BulkResult[] = [];
  await bulkImport(url, names, { read, identity: identityFromFileName, onResult: (r) => results.push(r), isOutage: notOutage, batchSize, onRetry: (why) => retries.push(why) });
  return results;
}

function rowsOf(text: string): LogCopy {
  const up = normalizeUpload(text);
  if (isRefusal(up)) throw new Error(up.reason);
  const p = prepareNormalized(up.normalized, up.hash);
  if (isRefusal(p)) throw new Error(p.reason);
  return logCopy(logRows(p));
}

let single: TestDatabase;
let bulk: TestDatabase;
beforeAll(async () => {
  [single, bulk] = await Promise.all([createTestDatabase(), createTestDatabase()]);
});
afterAll(async () => {
  await Promise.all([single.drop(), bulk.drop()]);
});
beforeEach(async () => {
  await bulk.prisma.$executeRawUnsafe('TRUNCATE "bisection", "commit", "crash_signature" CASCADE');
});

describe("bulk import", () => {
  it("stores every golden log exactly as ingestLog does, row for row in every table", async () => {
    const stored = new Map<string, string>();
    for (const [file, text] of texts) {
      const res = await ingestLog(single.prisma, text).catch(() => null);
      if (res) stored.set(file, res.id);
    }
    const results = await runImport(bulk.url, GOLDEN);
    expect(results.filter((r) => r.status === "rejected").map((r) => path.basename(r.name)).sort()).toEqual(
      GOLDEN.filter((f) => !stored.has(f)).map((f) => path.basename(f)).sort(),
    );
    for (const r of results) if (r.status !== "rejected") expect(r.id, r.name).toBe(stored.get(r.name));
    const [a, b] = await Promise.all([snapshot(single.url), snapshot(bulk.url)]);
    for (const table of Object.keys(a)) expect(b[table], table).toEqual(a[table]);
    expect(a.bisection.length).toBeGreaterThan(20);
    expect(a.crash_signature.some((t) => t.includes("kvm\\\\wait\\tx"))).toBe(true);
  });

  it("a re-run adds nothing and answers every log as a duplicate with its id", async () => {
    const first = await runImport(bulk.url, GOLDEN);
    const before = await snapshot(bulk.url);
    const second = await runImport(bulk.url, GOLDEN);
    expect(second.map((r) => r.status)).toEqual(first.map((r) => (r.status === "rejected" ? "rejected" : "duplicate")));
    expect(second.map((r) => ("id" in r ? r.id : null))).toEqual(first.map((r) => ("id" in r ? r.id : null)));
    expect(await snapshot(bulk.url)).toEqual(before);
  });

  it("the same log twice in one batch is stored once; a log the API stored is a duplicate with its id", async () => {
    const [a, b] = GOLDEN.filter((f) => f.endsWith("cause-kvm_wait-title-drift.txt") || f.endsWith("fix-found-nfc-2022.txt"));
    const api = await ingestLog(bulk.prisma, texts.get(b)!);
    const read = (n: string) => Promise.resolve(texts.get(n.replace(/#.*/, ""))!);
    const results = await runImport(bulk.url, [a, `${a}#copy`, b], read);
    expect(results.map((r) => r.status)).toEqual(["stored", "duplicate", "duplicate"]);
    expect((results[1] as { id: string }).id).toBe((results[0] as { id: string }).id);
    expect((results[2] as { id: string }).id).toBe(api.id);
    expect(await bulk.prisma.bisection.count()).toBe(2);
  });

  it("a log with blank lines above it is the same log as without, and finds a copy stored under its whole text's hash", async () => {
    const seed = texts.get(GOLDEN.find((f) => f.endsWith("cause-kvm_wait-title-drift.txt"))!)!;
    const read = (n: string) => Promise.resolve(n === "plain" ? seed : n === "pasted" ? "\n \n" + seed : "\n\n\n" + seed);
    const results = await runImport(bulk.url, ["pasted", "plain"], read);
    expect(results.map((r) => [r.status, (r as { id?: string }).id])).toEqual([["stored", "7b3543c7f532"], ["duplicate", "7b3543c7f532"]]);
    // a row stored before leading blank lines stopped counting: under the whole text's hash
    const legacy = normalizeUpload("\n\n\n" + seed);
    if (isRefusal(legacy) || !legacy.legacy) throw new Error("no legacy hash");
    await bulk.prisma.$executeRawUnsafe(`UPDATE "bisection" SET content_hash = $1, id = $2`, legacy.legacy, legacy.legacy.slice(0, 12));
    const again = await runImport(bulk.url, ["legacy"], read);
    expect(again.map((r) => [r.status, (r as { id?: string }).id])).toEqual([["duplicate", legacy.legacy.slice(0, 12)]]);
    expect(await bulk.prisma.bisection.count()).toBe(1);
  });

  it("a log again in a later batch (read while the first copy is written) is its duplicate, and no batch is retried log by log", async () => {
    const [a, b, c] = GOLDEN.slice(0, 3);
    const read = (n: string) => Promise.resolve(texts.get(path.dirname(n).startsWith("again") ? a : n)!);
    const retries: string[] = [];
    const results = await runImport(bulk.url, [a, b, "again/x.txt", c, "again/Log_5678abcd.txt"], read, 2, retries);
    expect(results.map((r) => r.status)).toEqual(["stored", "stored", "duplicate", "stored", "duplicate"]);
    expect((results[2] as { id: string }).id).toBe((results[0] as { id: string }).id);
    expect((results[4] as { id: string }).id).toBe((results[0] as { id: string }).id);
    expect(retries).toEqual([]);
    expect(await bulk.prisma.bisection.count()).toBe(3);
    // the later copy's file name says where it lives on syzbot: that link is written to the first copy
    expect(await bulk.prisma.syzbotLink.findMany()).toEqual([expect.objectContaining({ bisectionId: (results[0] as { id: string }).id, logXid: "5678abcd" })]);
  });

  it("writes culprit_dir at the bisection's upload time, itself when it may skip triggers and by the trigger when it may not", async () => {
    const dirsOf = async (url: string) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const late = await c.query("SELECT count(*)::int AS n FROM culprit_dir d JOIN bisection b ON b.id = d.bisection_id WHERE d.uploaded_at <> b.uploaded_at");
        expect(late.rows[0].n).toBe(0);
        return (await c.query<{ k: string }>("SELECT bisection_id || ' ' || dir AS k FROM culprit_dir ORDER BY 1")).rows.map((r) => r.k);
      } finally {
        await c.end();
      }
    };
    const files = GOLDEN;
    await runImport(bulk.url, files);
    const asSuperuser = await dirsOf(bulk.url);
    expect(asSuperuser.length).toBeGreaterThan(50);
    // a role that may not set session_replication_role: every check and trigger runs
    await bulk.prisma.$executeRawUnsafe('TRUNCATE "bisection", "commit", "crash_signature" CASCADE');
    const role = `bulk_${Math.random().toString(36).slice(2, 10)}`;
    await bulk.prisma.$executeRawUnsafe(`CREATE ROLE ${role} LOGIN PASSWORD 'x'`);
    try {
      await bulk.prisma.$executeRawUnsafe(`GRANT ALL ON ALL TABLES IN SCHEMA public TO ${role}; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO ${role}; GRANT CREATE, USAGE ON SCHEMA public TO ${role}`);
      const url = new URL(bulk.url);
      url.username = role;
      url.password = "x";
      const retries: string[] = [];
      const results = await runImport(url.toString(), files, undefined, 8, retries);
      expect(retries).toEqual([]);
      expect(results.filter((r) => r.status === "stored").length).toBeGreaterThan(20);
      expect(await dirsOf(bulk.url)).toEqual(asSuperuser);
    } finally {
      await bulk.prisma.$executeRawUnsafe(`DROP OWNED BY ${role}; DROP ROLE ${role}`).catch(() => {});
    }
  });

  it("refuses what is not a log, with the reason and line, and stores the rest of the batch", async () => {
    const read = (n: string) => Promise.resolve(n === "junk" ? "bisection is taking too long (>8h0m0s), aborting\n" : texts.get(n)!);
    const results = await runImport(bulk.url, [GOLDEN[0], "junk", GOLDEN[1]], read);
    expect(results.map((r) => r.status)).toEqual(["stored", "rejected", "stored"]);
    expect((results[1] as { reason: string }).reason).toMatch(/not a bisection log/);
    expect(await bulk.prisma.bisection.count()).toBe(2);
  });

  it("a log the database refuses does not block or half-store the others of its batch", async () => {
    const [a, b, c] = GOLDEN.slice(0, 3).map((f) => rowsOf(texts.get(f)!));
    // the same step twice: the step table's primary key refuses it, after its bisection row went in
    const steps = tableBytes(b, "step");
    const first = steps.subarray(0, steps.indexOf(10) + 1);
    const at = b.ends[COPY_TABLES.indexOf("step")];
    const bad: LogCopy = {
      ...b,
      bytes: Buffer.concat([b.bytes.subarray(0, at), first, b.bytes.subarray(at)]),
      ends: b.ends.map((e, i) => (i < COPY_TABLES.indexOf("step") ? e : e + first.length)),
      slots: b.slots.map((x, i) => (i % 2 === 0 && x >= at ? x + first.length : x)),
    };
    const pool = new pg.Pool({ connectionString: bulk.url, max: 1 });
    try {
      const out = await storeBatch(pool, [a, bad, c], notOutage);
      expect(out.map((o) => o.status)).toEqual(["stored", "failed", "stored"]);
      expect((out[1] as { reason: string }).reason).toMatch(/step_pkey/);
      const left = await pool.query(
        `SELECT (SELECT count(*) FROM bisection WHERE id = $1) + (SELECT count(*) FROM raw_log WHERE bisection_id = $1)
          + (SELECT count(*) FROM step WHERE bisection_id = $1) + (SELECT count(*) FROM run WHERE bisection_id = $1)
          + (SELECT count(*) FROM frame WHERE bisection_id = $1) + (SELECT count(*) FROM culprit WHERE bisection_id = $1) AS n`,
        [b.id],
      );
      expect(Number(left.rows[0].n)).toBe(0);
      expect((await pool.query("SELECT sum(n)::int AS n FROM bisection_tally")).rows[0].n).toBe(2);
      // stored whole afterwards, once it is right
      expect((await storeBatch(pool, [b], notOutage)).map((o) => o.status)).toEqual(["stored"]);
    } finally {
      await pool.end();
    }
  });

  it("stores the same without the worker's bundle (esbuild unavailable: the TypeScript through tsx)", async () => {
    const logs = GOLDEN.slice(0, 3);
    const bundled = await runImport(bulk.url, logs);
    const before = await snapshot(bulk.url);
    await bulk.prisma.$executeRawUnsafe('TRUNCATE "bisection", "commit", "crash_signature" CASCADE');
    // a cache that cannot be written: bundle.mjs answers null
    process.env.BISECTVIEW_BUNDLE_CACHE = "/proc/no-such-cache";
    try {
      const viaTsx = await runImport(bulk.url, logs);
      expect(viaTsx).toEqual(bundled);
    } finally {
      delete process.env.BISECTVIEW_BUNDLE_CACHE;
    }
    expect(await snapshot(bulk.url)).toEqual(before);
  });

  it("links Log_<x>.txt to syzbot, and refuses a second log claiming the same x=", async () => {
    const [a, b] = GOLDEN.slice(0, 2);
    const read = (n: string) => Promise.resolve(texts.get(n.startsWith("A/") ? a : b)!);
    const results = await runImport(bulk.url, ["A/Log_1234abcd.txt", "B/Log_1234abcd.txt"], read, 1);
    expect(results[0].status).toBe("stored");
    expect(results[1]).toMatchObject({ status: "rejected", reason: expect.stringMatching(/x=1234abcd is already stored as \/b\/[0-9a-f]{12}, a different log/) });
    const links = await bulk.prisma.syzbotLink.findMany();
    expect(links).toEqual([expect.objectContaining({ bisectionId: (results[0] as { id: string }).id, logXid: "1234abcd" })]);
    expect(await bulk.prisma.bisection.count()).toBe(1);
  });
});
