import "server-only";
// A bounded LRU for data that never changes once stored: a bisection's own rows and slices of
// its raw log (ingest only adds; a newer judge rewrites a row's judgement, which the reader
// notices by its judge version and reads again). Keyed by Prisma client
// (one per database) and key; holds the promise, so concurrent readers of one id share one
// query; a miss (null) or an error is not kept, since the id may be uploaded later. The budget
// is in "rows" (steps, runs, frames, files...), so a few huge bisections cannot hold the memory
// that many small ones would share: BISECTVIEW_DETAIL_CACHE_ROWS (default 60,000; 0 turns it off).
import type { PrismaClient } from "@/lib/generated/prisma/client";

interface Entry {
  value: Promise<unknown>;
  weight: number;
}

const BUDGET = Number(process.env.BISECTVIEW_DETAIL_CACHE_ROWS ?? 60_000);
const caches = new WeakMap<PrismaClient, { map: Map<string, Entry>; weight: number }>();

export async function cachedImmutable<T>(
  prisma: PrismaClient,
  key: string,
  weigh: (v: T) => number,
  load: () => Promise<T | null>,
): Promise<T | null> {
  if (!(BUDGET > 0)) return load();
  let c = caches.get(prisma);
  if (!c) caches.set(prisma, (c = { map: new Map(), weight: 0 }));
  const cache = c;
  const hit = cache.map.get(key);
  if (hit) {
    cache.map.delete(key); // most recently used goes last
    cache.map.set(key, hit);
    return hit.value as Promise<T | null>;
  }
  const entry: Entry = { value: load(), weight: 0 };
  cache.map.set(key, entry);
  const forget = () => {
    if (cache.map.get(key) === entry) {
      cache.map.delete(key);
      cache.weight -= entry.weight;
    }
  };
  try {
    const v = (await entry.value) as T | null;
    if (v === null) forget();
    else if (cache.map.get(key) === entry) {
      entry.weight = Math.max(1, weigh(v));
      cache.weight += entry.weight;
      for (const [k, e] of cache.map) {
        if (cache.weight <= BUDGET || k === key) break;
        cache.map.delete(k);
        cache.weight -= e.weight;
      }
      if (entry.weight > BUDGET) forget();
    }
    return v;
  } catch (e) {
    forget();
    throw e;
  }
}

/** Drops what is cached for this client: for a change made behind the app's back (a test that
 *  rewrites a row, a backfill; in production, restart the instances after one). */
export function forgetImmutable(prisma: PrismaClient): void {
  caches.delete(prisma);
}

/** Drops one key: the row behind it was rewritten (a re-judged bisection). */
export function forgetImmutableKey(prisma: PrismaClient, key: string): void {
  const c = caches.get(prisma);
  const e = c?.map.get(key);
  if (!c || !e) return;
  c.map.delete(key);
  c.weight -= e.weight;
}
