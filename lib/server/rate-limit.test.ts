// The write rate limit against a real PostgreSQL: counts, 429 with a retry time, atomic under
// concurrency (so instances sharing the database share the limit), old windows pruned.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { rateLimitMessage, takeWrite, writeRate } from "./rate-limit";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe("BISECTVIEW_WRITE_RATE", () => {
  it("reads N/unit, N/<k>unit and off; refuses anything else with the forms it takes", () => {
    expect(writeRate({})).toEqual({ limit: 60, seconds: 60 });
    expect(writeRate({ BISECTVIEW_WRITE_RATE: "10/s" })).toEqual({ limit: 10, seconds: 1 });
    expect(writeRate({ BISECTVIEW_WRITE_RATE: "500/hour" })).toEqual({ limit: 500, seconds: 3600 });
    expect(writeRate({ BISECTVIEW_WRITE_RATE: "100 / 5min" })).toEqual({ limit: 100, seconds: 300 });
    expect(writeRate({ BISECTVIEW_WRITE_RATE: "off" })).toBeNull();
    expect(() => writeRate({ BISECTVIEW_WRITE_RATE: "fast" })).toThrow(/not a rate: write e.g. 60\/min/);
    expect(() => writeRate({ BISECTVIEW_WRITE_RATE: "10/fortnight" })).toThrow(/not a rate/);
  });
});

describe("takeWrite", () => {
  it("lets `limit` writes through per window, then says when to retry", async () => {
    const rate = { limit: 3, seconds: 3600 };
    const got = [];
    for (let i = 0; i < 4; i++) got.push(await takeWrite(db.prisma, "token:alice", rate));
    expect(got.slice(0, 3)).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
    ]);
    const last = got[3]!;
    expect(last.ok).toBe(false);
    if (last.ok) return;
    expect(last.retryAfter).toBeGreaterThanOrEqual(1);
    expect(last.retryAfter).toBeLessThanOrEqual(3600);
    expect(rateLimitMessage(last)).toMatch(/^too many uploads: this server takes 3 per 3600 s from one client; try again in \d+ s$/);
    // another client has its own count
    expect(await takeWrite(db.prisma, "token:bob", rate)).toEqual({ ok: true, remaining: 2 });
  });

  it("counts concurrent writes exactly: 40 at once against a limit of 15 let 15 through", async () => {
    const rate = { limit: 15, seconds: 3600 };
    const all = await Promise.all(Array.from({ length: 40 }, () => takeWrite(db.prisma, "ip:127.0.0.1", rate)));
    expect(all.filter((d) => d.ok)).toHaveLength(15);
    const [row] = await db.prisma.$queryRaw<{ hits: number }[]>`SELECT hits FROM write_rate WHERE client = 'ip:127.0.0.1'`;
    expect(row?.hits).toBe(40);
  });

  it("deletes ended windows when a new one starts", async () => {
    await db.prisma.$executeRaw`INSERT INTO write_rate (client, window_start, hits) VALUES ('token:old', '2020-01-01', 9), ('token:older', '2019-01-01', 1)`;
    await takeWrite(db.prisma, "token:carol", { limit: 5, seconds: 3600 });
    const rows = await db.prisma.$queryRaw<{ client: string }[]>`SELECT client FROM write_rate WHERE client LIKE 'token:old%'`;
    expect(rows).toEqual([]);
  });

  it("does nothing when the limit is off", async () => {
    expect(await takeWrite(db.prisma, "token:dave", null)).toMatchObject({ ok: true });
    expect(await db.prisma.$queryRaw`SELECT 1 FROM write_rate WHERE client = 'token:dave'`).toEqual([]);
  });
});
