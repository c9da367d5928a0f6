// The bisection's own date (issue 12): the `<host> starts bisection <time>` line, stored as
// `started_at`; rows stored before the column existed get it from the migration's backfill,
// which must read the same time the parser reads.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestLog } from "@/lib/ingest";
import { parseBisectionLog } from "@/lib/parser";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { logsUnder } from "@/lib/testing/logs-under";

const HOST_LOG = "lib/parser/testdata/corpus/2023-merge-culprit-ensuring-host.Log_15a02e3b480000.txt";
const MIGRATION = readFileSync("prisma/migrations/20261201140000_bisection_started_at/migration.sql", "utf8");

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe("started_at", () => {
  it("is the time on the log's first line (`ci starts bisection 2023-02-21 01:40:08.557979765 +0000 UTC ...`)", async () => {
    const { id } = await ingestLog(db.prisma, readFileSync(HOST_LOG, "utf8"));
    const b = await db.prisma.bisection.findUniqueOrThrow({ where: { id }, select: { startedAt: true, host: true } });
    expect(b).toEqual({ startedAt: new Date("2023-02-21T01:40:08.558Z"), host: "ci" });
  });

  it("is null for a log without that line (the seed log)", async () => {
    const { id } = await ingestLog(db.prisma, readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8"));
    const b = await db.prisma.bisection.findUniqueOrThrow({ where: { id }, select: { startedAt: true } });
    expect(b.startedAt).toBeNull();
  });

  it("the migration's backfill reads what the parser reads, on every corpus log", async () => {
    const m = /SET "started_at" = (substring\(r\."text" from '.*?'\)::timestamptz AT TIME ZONE 'UTC')/.exec(MIGRATION);
    expect(m).not.toBeNull();
    const expr = m![1].replace('r."text"', "$1::text");
    let withTime = 0;
    for (const file of logsUnder("../shared/corpus")) {
      const text = readFileSync(file, "utf8");
      const r = parseBisectionLog(text);
      if (!r.ok) continue;
      const rows = await db.prisma.$queryRawUnsafe<{ t: Date | null }[]>(`SELECT (${expr})::timestamp(3) AS t`, text);
      expect([file, rows[0].t?.toISOString() ?? null]).toEqual([file, r.log.startedAt]);
      if (r.log.startedAt) withTime++;
    }
    expect(withTime).toBe(171); // `grep -l "starts bisection" Log_*` in the corpus
  });
});
