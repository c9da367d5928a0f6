// Concurrent ingests against a real PostgreSQL: within one process the same log is parsed
// once however many uploads of it arrive together; across two app instances (two Prisma
// clients with their own pools on one database, as two servers behind their own ports) every
// log lands exactly once.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ingestCounters, ingestLog } from "@/lib/ingest";
import type { PrismaClient } from "@/lib/generated/prisma/client";

const LOGS = [
  "lib/parser/testdata/cause-kvm_wait-title-drift.txt",
  "lib/parser/testdata/synthetic/fix-found-nfc-2022.txt",
  ...["Log_140489fde00000.txt", "Log_1631fc2b200000.txt", "Log_10008d0e500000.txt", "Log_10011350c80000.txt"].map(
    (n) => `../shared/corpus/syzbot-cause-2019-2023/${n}`,
  ),
].map((f) => readFileSync(f, "utf8"));

let db: TestDatabase;
let other: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase();
  other = createPrismaClient(db.url);
});
afterAll(async () => {
  await other.$disconnect();
  await db.drop();
});

describe("concurrent ingests", () => {
  it("parses a log once when 20 uploads of it arrive together in one process", async () => {
    const before = ingestCounters.parsed;
    const results = await Promise.all(Array.from({ length: 20 }, () => ingestLog(db.prisma, LOGS[2])));
    expect(ingestCounters.parsed - before).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await db.prisma.bisection.count()).toBe(1);
  });

  it("stores every log exactly once when two instances take the same and different logs at once", async () => {
    await db.prisma.$executeRawUnsafe('TRUNCATE "bisection", "commit", "crash_signature" CASCADE');
    // each instance gets every log three times, in its own order
    const jobs: Promise<{ id: string; duplicate: boolean }>[] = [];
    for (let round = 0; round < 3; round++) {
      LOGS.forEach((text, i) => {
        jobs.push(ingestLog(db.prisma, text));
        jobs.push(ingestLog(other, LOGS[LOGS.length - 1 - i]));
      });
    }
    const results = await Promise.all(jobs);
    const ids = new Set(results.map((r) => r.id));
    expect(ids.size).toBe(LOGS.length);
    // exactly one upload of each log stored it; every other one answered "duplicate"
    for (const id of ids) expect(results.filter((r) => r.id === id && !r.duplicate)).toHaveLength(1);
    expect(await db.prisma.bisection.count()).toBe(LOGS.length);
    const rows = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(DISTINCT content_hash)::int AS n FROM bisection`;
    expect(rows[0].n).toBe(LOGS.length);
    // and their children once: one raw log per bisection
    expect(await db.prisma.rawLog.count()).toBe(LOGS.length);
  });
});
