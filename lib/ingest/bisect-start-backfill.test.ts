// Git's start range and the revisions left at each bisect step (issue 11) are stored by ingest
// from the parser; rows stored before get them from the backfill of migration
// 20261201150000_bisect_start_and_left, which reads the stored raw log and steps. The backfill
// must give what the parser gives: every golden and 200 corpus logs are stored, their new
// columns emptied, the migration's UPDATE statements run again, and each value compared.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestLog } from "@/lib/ingest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { logsUnder } from "@/lib/testing/logs-under";
import { storedLogText } from "@/lib/raw-log";

const MIGRATION = readFileSync("prisma/migrations/20261201150000_bisect_start_and_left/migration.sql", "utf8");
/** The backfill: the migration's UPDATE statements (its comments and ALTERs left out). */
const BACKFILL = MIGRATION.split(";")
  .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
  .filter((s) => s.startsWith("UPDATE"));

let db: TestDatabase;
const ids: string[] = [];

type Row = { id: string; bad: string | null; good: string | null; left: number | null; steps: string };
const snapshot = () =>
  db.prisma.$queryRaw<Row[]>`
    SELECT b.id, b.bisect_start_bad AS bad, b.bisect_start_good AS good, b.bisect_start_left AS left,
      coalesce((SELECT string_agg(s."index" || ':' || coalesce(s.revisions_left_at_test::text, '-'), ' ' ORDER BY s."index") FROM step s WHERE s.bisection_id = b.id), '') AS steps
    FROM bisection b ORDER BY b.id`;

beforeAll(async () => {
  db = await createTestDatabase();
  const files = [...logsUnder("lib/parser/testdata"), ...logsUnder("../shared/corpus").slice(0, 200)];
  for (const f of files) {
    try {
      ids.push((await ingestLog(db.prisma, readFileSync(f, "utf8"), { bulk: true })).id);
    } catch {
      // the goldens that must be refused
    }
  }
  // rows stored before this backfill held their log as text (deflated came later, 20261202040000)
  for (const r of await db.prisma.rawLog.findMany({ select: { bisectionId: true, text: true, deflated: true } }))
    await db.prisma.rawLog.update({ where: { bisectionId: r.bisectionId }, data: { text: storedLogText(r), deflated: null } });
});
afterAll(async () => {
  await db.drop();
});

describe("the bisect start / revisions left backfill", () => {
  it("has two statements: the bisection's start, then its steps", () => {
    expect(BACKFILL).toHaveLength(2);
    expect(BACKFILL[0]).toMatch(/^UPDATE "bisection"/);
    expect(BACKFILL[1]).toMatch(/^UPDATE "step"/);
  });

  it("gives every stored row what the parser gave it", async () => {
    expect(ids.length).toBeGreaterThan(200);
    const parsed = await snapshot();
    // the parser's values are there to compare with (the seed log: `Bisecting: 11797 ...` at L30)
    expect(parsed.filter((r) => r.left !== null).length).toBeGreaterThan(100);
    expect(parsed.some((r) => r.left === 11797 && r.steps.startsWith("0:- 1:- 2:11797 3:5910 4:2929"))).toBe(true);
    await db.prisma.$executeRaw`UPDATE bisection SET bisect_start_bad = NULL, bisect_start_good = NULL, bisect_start_left = NULL`;
    await db.prisma.$executeRaw`UPDATE step SET revisions_left_at_test = NULL`;
    expect((await snapshot()).every((r) => r.left === null && r.good === null && !/\d+:\d/.test(r.steps))).toBe(true);
    for (const sql of BACKFILL) await db.prisma.$executeRawUnsafe(sql);
    expect(await snapshot()).toEqual(parsed);
  });
});
