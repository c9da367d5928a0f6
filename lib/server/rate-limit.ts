// Per-client write rate limit, counted in PostgreSQL so every app instance on one database
// shares it: a fixed window per client, bumped atomically by one INSERT ... ON CONFLICT DO
// UPDATE ... RETURNING. The first write of a new window deletes every row of older windows
// (an index scan on window_start), so the table holds one row per active client.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export interface WriteRate {
  limit: number;
  /** window length in seconds */
  seconds: number;
}

const UNITS: Record<string, number> = { s: 1, sec: 1, second: 1, m: 60, min: 60, minute: 60, h: 3600, hr: 3600, hour: 3600 };
export const DEFAULT_WRITE_RATE = "60/min";

/** `BISECTVIEW_WRITE_RATE`: `60/min` (default), `10/s`, `500/hour`, `100/5min`; `off` or `0`
 *  turns the limit off. Anything else is a configuration error, said at the first write. */
export function writeRate(env: Record<string, string | undefined> = process.env): WriteRate | null {
  const raw = (env.BISECTVIEW_WRITE_RATE ?? DEFAULT_WRITE_RATE).trim().toLowerCase();
  if (raw === "off" || raw === "0") return null;
  const m = /^(\d{1,9})\s*\/\s*(\d{0,6})\s*([a-z]{1,6})$/.exec(raw);
  const unit = m ? UNITS[m[3]!.replace(/s$/, "") || "s"] ?? UNITS[m[3]!] : undefined;
  if (!m || unit === undefined || Number(m[1]) < 1) {
    throw new Error(`BISECTVIEW_WRITE_RATE=${JSON.stringify(env.BISECTVIEW_WRITE_RATE)} is not a rate: write e.g. 60/min, 10/s, 500/hour, 100/5min, or off`);
  }
  const seconds = (m[2] ? Number(m[2]) : 1) * unit;
  if (seconds < 1) throw new Error(`BISECTVIEW_WRITE_RATE=${JSON.stringify(env.BISECTVIEW_WRITE_RATE)}: the window must be at least 1 second`);
  return { limit: Number(m[1]), seconds };
}

export type RateDecision = { ok: true; remaining: number } | { ok: false; retryAfter: number; limit: number; seconds: number };

/** Count one write by `client` (e.g. `token:alice`, `ip:127.0.0.1`) and say whether it may go on. */
export async function takeWrite(prisma: PrismaClient, client: string, rate: WriteRate | null = writeRate()): Promise<RateDecision> {
  if (!rate) return { ok: true, remaining: Number.POSITIVE_INFINITY };
  const rows = await prisma.$queryRaw<{ hits: number; start_s: number; now_s: number }[]>`
    WITH w AS (
      SELECT extract(epoch FROM clock_timestamp())::float8 AS now_s,
             floor(extract(epoch FROM clock_timestamp()) / ${rate.seconds}::int) * ${rate.seconds}::int AS start_s
    )
    INSERT INTO write_rate (client, window_start, hits)
    SELECT ${client}, to_timestamp(start_s) AT TIME ZONE 'UTC', 1 FROM w
    ON CONFLICT (client, window_start) DO UPDATE SET hits = write_rate.hits + 1
    RETURNING hits, extract(epoch FROM window_start)::float8 AS start_s, (SELECT now_s FROM w) AS now_s`;
  const row = rows[0]!;
  if (row.hits === 1) {
    await prisma.$executeRaw`DELETE FROM write_rate WHERE window_start < to_timestamp(${row.start_s}::float8) AT TIME ZONE 'UTC'`;
  }
  if (row.hits <= rate.limit) return { ok: true, remaining: rate.limit - row.hits };
  const retryAfter = Math.max(1, Math.ceil(row.start_s + rate.seconds - row.now_s));
  return { ok: false, retryAfter, limit: rate.limit, seconds: rate.seconds };
}

/** The 429 sentence: how many writes, per how long, and when to try again. */
export function rateLimitMessage(d: { retryAfter: number; limit: number; seconds: number }): string {
  return `too many uploads: this server takes ${d.limit} per ${d.seconds} s from one client; try again in ${d.retryAfter} s`;
}
