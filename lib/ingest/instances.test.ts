// Concurrent ingests against a real PostgreSQL: within one process the same log is parsed
// once however many uploads of it arrive together; across two app instances (two Prisma
// clients with their own pools on one database, as two servers behind their own ports) every
// log lands exactly once, and whole: different logs of one crash stored at the same moment each
// keep their crash signature (the same rows as when stored one at a time).
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

// golden logs that share crash titles ("INFO: task hung in add_early_randomness" in three,
// "WARNING in kvm_wait" in three)
const SHARING = [
  "synthetic/cause-found-x86-irq-task-2022.txt",
  "synthetic/cause-horizon-2023.txt",
  "synthetic/fix-found-nfc-2022.txt",
  "synthetic/cause-inconclusive-skips-2020.txt",
  "synthetic/cause-truncated-midblock-2021.txt",
  "cause-kvm_wait-title-drift.txt",
].map((f) => readFileSync(`lib/parser/testdata/${f}`, "utf8"));

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

/** What ties a bisection to crash signatures, by title: its crash, its start, its crash
 *  report, and every crashed run. */
async function signatureLinks(prisma: PrismaClient) {
  return prisma.$queryRaw<{ id: string; crash: string | null; start: string | null; report: string | null; runs: string | null }[]>`
    SELECT b.id, cs.title AS crash, ss.title AS start, rs.title AS report,
      (SELECT string_agg(r.step_index || '.' || r."index" || ':' || coalesce(s.title, '<none>'), ' ' ORDER BY r.step_index, r."index", r.line)
       FROM run r LEFT JOIN crash_signature s ON s.id = r.signature_id
       WHERE r.bisection_id = b.id AND r.title IS NOT NULL AND r.outcome IN ('crashed', 'boot-failed')) AS runs
    FROM bisection b
    LEFT JOIN crash_signature cs ON cs.id = b.crash_signature_id
    LEFT JOIN crash_signature ss ON ss.id = b.start_signature_id
    LEFT JOIN crash_report cr ON cr.bisection_id = b.id
    LEFT JOIN crash_signature rs ON rs.id = cr.signature_id
    ORDER BY b.id`;
}

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

  it("keeps every crash signature when different logs of one crash are stored at the same moment", async () => {
    const serial = await createTestDatabase();
    const clients = SHARING.map(() => createPrismaClient(db.url));
    try {
      for (const text of SHARING) await ingestLog(serial.prisma, text);
      const expected = await signatureLinks(serial.prisma);
      // the shared titles are what the concurrent stores race on
      for (const title of ["INFO: task hung in add_early_randomness", "WARNING in kvm_wait"]) {
        expect(expected.filter((b) => b.crash === title || b.runs?.includes(`:${title}`)).length).toBeGreaterThanOrEqual(2);
      }
      expect(expected.every((b) => b.runs === null || !b.runs.includes("<none>"))).toBe(true);
      // each log on its own client (its own pool), all at once, from an empty database, a few times:
      // before the fix most rounds stored runs (and crashes) without their signature
      for (let round = 0; round < 5; round++) {
        await db.prisma.$executeRawUnsafe('TRUNCATE "bisection", "commit", "crash_signature" CASCADE');
        const results = await Promise.all(SHARING.map((text, i) => ingestLog(clients[i], text)));
        expect(results.every((r) => !r.duplicate)).toBe(true);
        expect(await signatureLinks(db.prisma)).toEqual(expected);
        expect(await db.prisma.crashSignature.count()).toBe(await serial.prisma.crashSignature.count());
      }
    } finally {
      for (const c of clients) await c.$disconnect();
      await serial.drop();
    }
  });
});
