// The bulk import's writer: a batch of prepared logs in one transaction, one COPY per table
// of the text the worker threads wrote, instead of one statement and one commit per log. The API path
// keeps lib/ingest/store.ts (one log per transaction); `cli import` comes here.
// - Same log, same permalink: a log whose content hash is stored (before, or by a concurrent
//   import) is skipped by `ON CONFLICT DO NOTHING` and answered as a duplicate with its id.
// - Nothing half-stored: the batch commits whole or not at all; when a statement fails, each of
//   its logs is stored again in its own transaction, so one bad log is refused with its reason
//   and the others are stored.
// - No deadlocks between concurrent importers: shared rows (commits, crash titles) and
//   bisections are inserted in sorted order, as store.ts does.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { uniqueSorted } from "@/lib/unique";
import { SYZBOT_LINK_COLUMNS, isEmptyIdentity, type SyzbotIdentity } from "./syzbot-identity";
import { BISECTION_COLUMNS, COPY_COLUMNS, COPY_TABLES, fillSlots, tableBytes, type Column, type LogCopy } from "./rows";

export type BatchOutcome =
  | { id: string; hash: string; status: "stored"; outcome: string; warnings: number }
  | { id: string; hash: string; status: "duplicate"; outcome: string }
  | { id: string; hash: string; status: "failed"; reason: string };

/** `COPY table (...) FROM STDIN` of text the worker threads wrote (rows.ts `logCopy`):
 *  several times cheaper than the same rows as unnest arrays, whose literals both ends spend
 *  most of the time writing and parsing (BENCHMARKS.md). The logs' texts go as few large
 *  messages (one write each, not two per log and table). */
async function copyText(c: pg.PoolClient, table: string, columns: readonly Column[], texts: Uint8Array[]): Promise<void> {
  const parts = texts.filter((t) => t.length);
  if (!parts.length) return;
  const names = columns.map(([n]) => `"${n}"`).join(", ");
  await pipeline(Readable.from(joined(parts)), c.query(copyFrom(`COPY "${table}" (${names}) FROM STDIN`)));
}

/** The parts concatenated into buffers of about `size` bytes (a larger part alone). */
function* joined(parts: Uint8Array[], size = 1 << 20): Generator<Uint8Array> {
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < parts.length; i++) {
    bytes += parts[i].length;
    if (bytes >= size || i === parts.length - 1) {
      yield i === from ? parts[i] : Buffer.concat(parts.slice(from, i + 1), bytes);
      from = i + 1;
      bytes = 0;
    }
  }
}

/** A session's staging table for the batch's bisection rows: COPY into it, then one INSERT
 *  ... SELECT with ON CONFLICT (a log stored meanwhile is skipped, not an error). Made outside
 *  the batch's transaction, which may roll back. */
const staged = new WeakMap<pg.PoolClient, Promise<unknown>>();
function stagingTable(c: pg.PoolClient): Promise<unknown> {
  let ok = staged.get(c);
  if (!ok) {
    ok = c.query(`CREATE TEMP TABLE IF NOT EXISTS "bulk_bisection" (LIKE "bisection" INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`);
    staged.set(c, ok);
  }
  return ok;
}

/** Where each log lives on syzbot (a `Log_<x>.txt` file name), filled into syzbot_link the way
 *  attachSyzbotIdentity does: a value already stored is kept. */
export async function upsertLinks(c: pg.Pool | pg.PoolClient, links: { id: string; identity: SyzbotIdentity }[]): Promise<void> {
  const byId = new Map<string, SyzbotIdentity>();
  for (const { id, identity } of links) {
    if (isEmptyIdentity(identity)) continue;
    const had = byId.get(id) ?? {};
    byId.set(id, Object.fromEntries(SYZBOT_LINK_COLUMNS.map(([k]) => [k, had[k] ?? identity[k] ?? null])));
  }
  if (byId.size === 0) return;
  const ids = [...byId.keys()].sort();
  const cols = SYZBOT_LINK_COLUMNS.map(([, col]) => `"${col}"`).join(", ");
  const args = SYZBOT_LINK_COLUMNS.map((_, i) => `$${i + 2}::text[]`).join(", ");
  const sets = SYZBOT_LINK_COLUMNS.map(([, col]) => `"${col}" = COALESCE("syzbot_link"."${col}", EXCLUDED."${col}")`).join(", ");
  await c.query(
    `INSERT INTO "syzbot_link" ("bisection_id", ${cols}, "updated_at") SELECT v.*, now() FROM unnest($1::text[], ${args}) AS v ORDER BY 1
     ON CONFLICT ("bisection_id") DO UPDATE SET ${sets}, "updated_at" = now()`,
    [ids, ...SYZBOT_LINK_COLUMNS.map(([k]) => ids.map((id) => byId.get(id)![k] ?? null))],
  );
}

/** Whether this connection may skip the foreign-key checks for its own transaction
 *  (`session_replication_role = replica`: a superuser, or granted that setting, PostgreSQL
 *  15+). A batch inserts each row's parents itself, in the same transaction, before it (the
 *  commits and crash titles it names, the bisection, step and culprit rows), and nothing it
 *  references is ever deleted, so the checks can only pass; they were 40% of a batch's time.
 *  bulk.test.ts stores the same logs through ingestLog, with every check, and compares every
 *  table. The tally's triggers are ENABLE ALWAYS, so they run in that mode too. */
const trusted = new WeakMap<pg.PoolClient, Promise<boolean>>();
function mayTrustKeys(c: pg.PoolClient): Promise<boolean> {
  let ok = trusted.get(c);
  if (!ok) {
    ok = c
      .query<{ ok: boolean }>(`SELECT current_setting('is_superuser') = 'on' OR has_parameter_privilege('session_replication_role', 'SET') AS ok`)
      .then((r) => r.rows[0].ok);
    trusted.set(c, ok);
  }
  return ok;
}

/** A syzbot log id names one log: which other bisection holds each log's x= (a log claiming
 *  one that is taken is refused before anything of it is stored). */
async function claims(c: pg.PoolClient, logs: { id: string; hash: string }[], links: Map<string, SyzbotIdentity>) {
  const xids = logs.flatMap((l) => (links.get(l.hash)?.logXid ? [links.get(l.hash)!.logXid!] : []));
  const owners = new Map(
    xids.length
      ? (await c.query<{ log_xid: string; bisection_id: string }>(`SELECT log_xid, bisection_id FROM "syzbot_link" WHERE log_xid = ANY($1::text[])`, [xids])).rows.map((r) => [r.log_xid, r.bisection_id])
      : [],
  );
  return (l: { id: string; hash: string }): string | null => {
    const owner = owners.get(links.get(l.hash)?.logXid ?? "");
    return owner && owner !== l.id ? owner : null;
  };
}

const claimedReason = (ident: SyzbotIdentity, owner: string) => `syzbot log x=${ident.logXid} is already stored as /b/${owner}, a different log`;

/** Logs found stored before parsing whose file name gives a syzbot link: the link is written
 *  (nothing else), unless another log holds its x=. */
export async function linkStored(pool: pg.Pool, stored: { id: string; hash: string; identity: SyzbotIdentity }[]): Promise<(string | null)[]> {
  if (stored.length === 0) return [];
  const links = new Map(stored.map((s) => [s.hash, s.identity]));
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const claimedBy = await claims(c, stored, links);
    await upsertLinks(c, stored.filter((s) => !claimedBy(s)));
    await c.query("COMMIT");
    return stored.map((s) => (claimedBy(s) ? claimedReason(s.identity, claimedBy(s)!) : null));
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    c.release();
  }
}

/** Stores the batch in one transaction; outcomes in the batch's order. Throws when the
 *  database refuses it (the caller retries log by log: storeBatch). */
async function storeTogether(c: pg.PoolClient, all: LogCopy[], links: Map<string, SyzbotIdentity>, direct: boolean): Promise<BatchOutcome[]> {
  // the same log twice in one batch is stored once; the second answers as its duplicate
  const first = new Map<string, LogCopy>();
  for (const l of all) if (!first.has(l.hash)) first.set(l.hash, l);
  if (!direct) await stagingTable(c);
  await c.query("BEGIN");
  try {
    // a crash may lose the last batches, never corrupt one; re-running the import restores them
    await c.query("SET LOCAL synchronous_commit = off");
    // in that role culprit_file's insert trigger stays quiet and the batch COPYs culprit_dir
    // itself (migration 20261202030000); without it the trigger writes them
    const trusted = await mayTrustKeys(c);
    if (trusted) await c.query("SET LOCAL session_replication_role = replica");
    const claimedBy = await claims(c, [...first.values()], links);
    const batch = [...first.values()].filter((l) => !claimedBy(l));
    const commits = new Map<string, string | null>();
    for (const l of batch) for (const [h, s] of l.commits) if (!commits.get(h)) commits.set(h, s);
    const sorted = [...commits].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    await c.query(
      `INSERT INTO "commit" (hash, subject) SELECT * FROM unnest($1::text[], $2::text[]) AS v(h, s) ORDER BY h ON CONFLICT (hash) DO NOTHING`,
      [sorted.map((x) => x[0]), sorted.map((x) => x[1])],
    );
    const titles = uniqueSorted(batch.flatMap((l) => l.titles));
    await c.query(`INSERT INTO "crash_signature" (title) SELECT t FROM unnest($1::text[]) AS v(t) ORDER BY t ON CONFLICT (title) DO NOTHING`, [titles]);
    // a new statement sees titles a concurrent import committed while we waited on them
    const ids = new Map((await c.query<{ id: number; title: string }>(`SELECT id, title FROM "crash_signature" WHERE title = ANY($1::text[])`, [titles])).rows.map((r) => [r.title, r.id]));
    // sorted by content hash, the order concurrent importers take them in
    const sortedBatch = [...batch].sort((a, b) => (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
    for (const l of batch) fillSlots(l, ids);
    const rows = sortedBatch.map((l) => tableBytes(l, "bisection"));
    let inserted: Set<string>;
    if (direct) {
      // every hash was looked up just before: a log stored meanwhile fails the batch (retried)
      await copyText(c, "bisection", BISECTION_COLUMNS, rows);
      inserted = new Set(batch.map((l) => l.hash));
    } else {
      const names = BISECTION_COLUMNS.map(([n]) => `"${n}"`).join(", ");
      await copyText(c, "bulk_bisection", BISECTION_COLUMNS, rows);
      const r = await c.query<{ content_hash: string }>(
        `INSERT INTO "bisection" (${names}) SELECT ${names} FROM "bulk_bisection" ORDER BY "content_hash" ON CONFLICT DO NOTHING RETURNING content_hash`,
      );
      inserted = new Set(r.rows.map((x) => x.content_hash));
    }
    const fresh = batch.filter((l) => inserted.has(l.hash));
    if (fresh.length) {
      for (const table of COPY_TABLES) {
        if (table === "bisection" || (table === "culprit_dir" && !trusted)) continue;
        await copyText(c, table, COPY_COLUMNS[table], fresh.map((l) => tableBytes(l, table)));
      }
    }
    // logs not inserted: stored already, or another log holds their 12-hex id
    const skipped = batch.filter((l) => !inserted.has(l.hash));
    const known = new Map(
      skipped.length
        ? (await c.query<{ id: string; content_hash: string; outcome: string }>(`SELECT id, content_hash, outcome FROM "bisection" WHERE content_hash = ANY($1::text[])`, [skipped.map((l) => l.hash)])).rows.map((r) => [r.content_hash, r])
        : [],
    );
    const idOf = (l: LogCopy) => (inserted.has(l.hash) ? l.id : known.get(l.hash)?.id);
    await upsertLinks(c, batch.flatMap((l) => (links.has(l.hash) && idOf(l) ? [{ id: idOf(l)!, identity: links.get(l.hash)! }] : [])));
    await c.query("COMMIT");
    const seen = new Set<string>();
    return all.map((l): BatchOutcome => {
      const owner = claimedBy(l);
      if (owner) return { id: l.id, hash: l.hash, status: "failed", reason: claimedReason(links.get(l.hash)!, owner) };
      const again = seen.has(l.hash);
      seen.add(l.hash);
      if (inserted.has(l.hash)) return again ? { id: l.id, hash: l.hash, status: "duplicate", outcome: l.outcome } : { id: l.id, hash: l.hash, status: "stored", outcome: l.outcome, warnings: l.warnings };
      const k = known.get(l.hash);
      if (k) return { id: k.id, hash: l.hash, status: "duplicate", outcome: k.outcome };
      return { id: l.id, hash: l.hash, status: "failed", reason: `id ${l.id} already belongs to a different stored log (the first 12 hex of two content hashes agree)` };
    });
  } catch (e) {
    await c.query("ROLLBACK").catch(() => {});
    throw e;
  }
}

/** Stores a batch of logs, each whole or not at all. `isOutage` says which errors mean the
 *  database is gone (those are thrown: nothing more can be stored); any other error of the
 *  batch is retried log by log (`onRetry` is told why), and a log that fails alone is reported
 *  with the reason. */
export async function storeBatch(
  pool: pg.Pool,
  batch: LogCopy[],
  isOutage: (e: unknown) => boolean,
  links: Map<string, SyzbotIdentity> = new Map(),
  onRetry?: (reason: string) => void,
): Promise<BatchOutcome[]> {
  if (batch.length === 0) return [];
  const c = await pool.connect();
  try {
    try {
      return await storeTogether(c, batch, links, batch.length > 1);
    } catch (e) {
      if (isOutage(e) || batch.length === 1) {
        if (isOutage(e)) throw e;
        return [{ id: batch[0].id, hash: batch[0].hash, status: "failed", reason: (e as Error).message }];
      }
      onRetry?.((e as Error).message);
    }
    const out: BatchOutcome[] = [];
    for (const l of batch) {
      try {
        out.push(...(await storeTogether(c, [l], links, false)));
      } catch (e) {
        if (isOutage(e)) throw e;
        out.push({ id: l.id, hash: l.hash, status: "failed", reason: (e as Error).message });
      }
    }
    return out;
  } finally {
    c.release();
  }
}
