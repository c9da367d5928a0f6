// The bulk import (`cli import`): logs read and hashed here, known ones answered as duplicates
// without parsing, the rest parsed, judged and mapped to rows in worker threads while this
// thread writes the previous batch (lib/ingest/bulk.ts). Each log is stored whole or not at
// all, under the permalink the API would give it.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import pg from "pg";
import { isRefusal, normalizeUpload, type Refusal } from "./prepare";
import { LogFileTooLarge } from "./read-file";
import type { PrepareRequest } from "./prepare-worker";
import type { LogCopy } from "./rows";
import { linkStored, storeBatch } from "./bulk";
import type { SyzbotIdentity } from "./syzbot-identity";
import { bundled } from "@/lib/server/bundle.mjs";

export type BulkResult =
  | { name: string; status: "stored" | "duplicate"; id: string }
  | { name: string; status: "rejected"; reason: string };

export interface BulkOptions {
  /** the text of an input (a file name, for the CLI) */
  read(name: string): Promise<string>;
  /** where an input lives on syzbot, if it says (`Log_<x>.txt`) */
  identity?(name: string): SyzbotIdentity | null;
  /** called once per input, in input order within each batch */
  onResult(r: BulkResult): void;
  /** errors that mean the database is gone: they end the import (thrown) */
  isOutage(e: unknown): boolean;
  /** logs per transaction (default 64) */
  batchSize?: number;
  /** parse workers (default 1: on two cores the other one is PostgreSQL's) */
  workers?: number;
  /** a batch the database refused whole, stored again log by log (several times slower), and why */
  onRetry?(reason: string): void;
}

interface Item {
  name: string;
  normalized: string;
  hash: string;
  /** the hash a copy with leading blank lines may be stored under (legacyLogHash) */
  legacy: string | null;
  identity: SyzbotIdentity | null;
}

const WORKER_ENTRY = new URL("./prepare-worker.ts", import.meta.url);

function tsxBoot(entry: URL): string {
  const tsx = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve("tsx/package.json")), "dist/esm/api/index.mjs")).href;
  return `import(${JSON.stringify(tsx)}).then((api) => api.tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(import.meta.url)}))`;
}

/** The worker's own Node flags: none of the modules the process preloads (`--import tsx`; the
 *  bundle needs no loader), and V8's flags apply to every thread already; only `--cpu-prof...`,
 *  so a profile of an import shows the worker too. */
const workerFlags = (argv: string[]) => argv.filter((a) => a.startsWith("--cpu-prof"));

/** Worker threads that run prepare-worker.ts; `prepare` resolves with the log's rows or why it
 *  cannot be stored. */
class Preparers {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(v: LogCopy | Refusal): void; reject(e: Error): void }>();
  private next = 0;

  /** `bundle`: prepare-worker.ts bundled (lib/server/bundle.mjs), run without loader hooks; null:
   *  the TypeScript through tsx's API (it loads the `@/` imports in the thread) */
  constructor(count: number, bundle: string | null) {
    this.workers = Array.from({ length: count }, () => {
      const w = bundle ? new Worker(bundle, { execArgv: workerFlags(process.execArgv) }) : new Worker(tsxBoot(WORKER_ENTRY), { eval: true });
      w.on("message", (m: { n: number; result?: LogCopy | Refusal; error?: string }) => {
        const p = this.waiting.get(m.n)!;
        this.waiting.delete(m.n);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve(m.result!);
      });
      w.on("error", (e) => {
        for (const p of this.waiting.values()) p.reject(e);
        this.waiting.clear();
      });
      return w;
    });
  }

  prepare(normalized: string, hash: string): Promise<LogCopy | Refusal> {
    const n = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(n, { resolve, reject });
      this.workers[n % this.workers.length].postMessage({ n, normalized, hash } satisfies PrepareRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** `again`: the same text as a log of the batch before, which was not stored yet when this
 *  batch was looked up (it is written while this one is read): not parsed, but looked up again
 *  once that batch is written (storePrepared). */
type Prepared = { item: Item; rows: LogCopy } | { item: Item; done: BulkResult } | { item: Item; again: true };

/** The new hashes of the batch before this one: it is the one batch being written while this
 *  one is looked up (every batch before it has committed by then), so a log of it may not be
 *  found stored yet. Replaced by each batch, so it holds one batch, not the whole import. */
interface InFlight {
  hashes: Set<string>;
}

/** Reads, hashes and checks one batch against the database; parses what is new. */
async function prepareBatch(pool: pg.Pool, preparers: Preparers, names: string[], opts: BulkOptions, inFlight: InFlight): Promise<(Prepared | BulkResult)[]> {
  const read = await Promise.all(
    names.map(async (name): Promise<Item | BulkResult> => {
      let text: string;
      try {
        text = await opts.read(name);
      } catch (e) {
        // too large: refused as an upload over the limit is, with the size (lib/ingest/read-file.ts)
        return { name, status: "rejected", reason: e instanceof LogFileTooLarge ? e.message : `cannot read it: ${(e as Error).message}` };
      }
      const up = normalizeUpload(text);
      if (isRefusal(up)) return { name, status: "rejected", reason: up.reason };
      return { name, ...up, identity: opts.identity?.(name) ?? null };
    }),
  );
  const items = read.filter((x): x is Item => "hash" in x);
  const stored = await storedIds(pool, items);
  const before = inFlight.hashes;
  inFlight.hashes = new Set(items.filter((i) => !stored.has(i.hash)).map((i) => i.hash));
  return Promise.all(
    read.map(async (x): Promise<Prepared | BulkResult> => {
      if (!("hash" in x)) return x;
      const id = stored.get(x.hash);
      // stored already: no parse; its syzbot link (if the name gives one) is still written
      if (id) return { item: x, done: { name: x.name, status: "duplicate", id } };
      if (before.has(x.hash)) return { item: x, again: true };
      return parsed(preparers, x);
    }),
  );
}

/** The stored id of each item's log, by the item's hash: found by its hash or its legacy hash. */
async function storedIds(pool: pg.Pool, items: Item[]): Promise<Map<string, string>> {
  const hashes = items.flatMap((i) => (i.legacy ? [i.hash, i.legacy] : [i.hash]));
  const known = await pool.query<{ id: string; content_hash: string }>(`SELECT id, content_hash FROM "bisection" WHERE content_hash = ANY($1::text[])`, [hashes]);
  const byHash = new Map(known.rows.map((r) => [r.content_hash, r.id]));
  const out = new Map<string, string>();
  for (const i of items) {
    const id = byHash.get(i.hash) ?? (i.legacy ? byHash.get(i.legacy) : undefined);
    if (id) out.set(i.hash, id);
  }
  return out;
}

async function parsed(preparers: Preparers, x: Item): Promise<Prepared | BulkResult> {
  const rows = await preparers.prepare(x.normalized, x.hash);
  if (isRefusal(rows)) return { name: x.name, status: "rejected", reason: `${rows.reason}${rows.line ? ` (line ${rows.line})` : ""}` };
  return { item: x, rows };
}

/** The batch's `again` logs once the earlier batches are written: a duplicate of what they
 *  stored, or (the earlier copy was refused for where it lives on syzbot, or not stored)
 *  parsed now, as any new log. */
async function settleAgain(pool: pg.Pool, preparers: Preparers, prepared: (Prepared | BulkResult)[]): Promise<(Prepared | BulkResult)[]> {
  const again = prepared.filter((p) => "again" in p);
  if (again.length === 0) return prepared;
  const stored = await storedIds(
    pool,
    again.map((p) => (p as { item: Item }).item),
  );
  return Promise.all(
    prepared.map(async (p) => {
      if (!("again" in p)) return p;
      const id = stored.get(p.item.hash);
      return id ? { item: p.item, done: { name: p.item.name, status: "duplicate" as const, id } } : parsed(preparers, p.item);
    }),
  );
}

async function storePrepared(pool: pg.Pool, preparers: Preparers, ready: (Prepared | BulkResult)[], opts: BulkOptions): Promise<void> {
  const prepared = await settleAgain(pool, preparers, ready);
  const toStore = prepared.filter((p): p is { item: Item; rows: LogCopy } => "rows" in p);
  const links = new Map(toStore.flatMap((p) => (p.item.identity ? [[p.item.hash, p.item.identity] as const] : [])));
  const outcomes = await storeBatch(pool, toStore.map((p) => p.rows), opts.isOutage, links, opts.onRetry);
  const known = prepared.flatMap((p) => ("done" in p && p.done.status === "duplicate" && p.item.identity ? [{ p, id: p.done.id, hash: p.item.hash, identity: p.item.identity }] : []));
  const refused = new Map<Prepared | BulkResult, string>((await linkStored(pool, known)).flatMap((reason, i) => (reason ? [[known[i].p, reason] as const] : [])));
  let k = 0;
  for (const p of prepared) {
    if (!("item" in p)) opts.onResult(p);
    else if (refused.has(p)) opts.onResult({ name: p.item.name, status: "rejected", reason: refused.get(p)! });
    else if ("done" in p) opts.onResult(p.done);
    else {
      const o = outcomes[k++];
      opts.onResult(o.status === "failed" ? { name: p.item.name, status: "rejected", reason: o.reason } : { name: p.item.name, status: o.status, id: o.id });
    }
  }
}

/** Imports `names` in batches; the next batch is read and parsed while the previous one is
 *  written. Throws the first outage (what was stored before it has been reported). */
export async function bulkImport(url: string, names: string[], opts: BulkOptions): Promise<void> {
  const size = opts.batchSize ?? 64;
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  // a server that goes away errors its connections, idle or busy; the busy one's query rejects
  // too (an outage, thrown below), so the events themselves are only noted, or they would end
  // the process
  pool.on("error", () => {});
  pool.on("connect", (client) => client.on("error", () => {}));
  const preparers = new Preparers(opts.workers ?? 1, await bundled(fileURLToPath(WORKER_ENTRY), { format: "cjs" }));
  const batches: string[][] = [];
  for (let i = 0; i < names.length; i += size) batches.push(names.slice(i, i + size));
  try {
    const inFlight: InFlight = { hashes: new Set() };
    let next = batches.length ? prepareBatch(pool, preparers, batches[0], opts, inFlight) : null;
    for (let i = 0; i < batches.length; i++) {
      const ready = await next!;
      next = i + 1 < batches.length ? prepareBatch(pool, preparers, batches[i + 1], opts, inFlight) : null;
      // a failure of the batch read ahead surfaces when it is awaited, not as an unhandled rejection
      next?.catch(() => {});
      await storePrepared(pool, preparers, ready, opts);
    }
  } finally {
    await preparers.close();
    await pool.end();
  }
}
