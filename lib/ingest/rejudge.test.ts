// Re-judging: rows an older judge gave their verdict get, from their stored log, exactly what a
// fresh upload of that log stores today; a page read before and after never shows the old one.
// Real PostgreSQL; the "older judge" is simulated by overwriting the judgement columns, the way
// a row stored by an older release looks.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JUDGE_VERSION } from "@/lib/analysis/version";
import { getBisection } from "@/lib/data/bisection";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { logsUnder } from "@/lib/testing/logs-under";
import { ingestLog } from "./index";
import { rejudgeStale, staleJudgements } from "./rejudge";

let db: TestDatabase;
const ids: string[] = [];
const SEED = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
/** the seed's diffstat, L227-L230 */
const SEED_FILES = ["include/linux/irqflags.h", "kernel/locking/Makefile", "kernel/locking/irqflag-debug.c", "lib/Kconfig.debug"];

type Judged = {
  id: string;
  verdict: string;
  headline: string | null;
  findings: unknown;
  confidence: number | null;
  chance: number | null;
  detail: unknown;
  version: number;
  guilty_file: string | null;
  guilty_frame: number | null;
};
const judged = () =>
  db.prisma.$queryRaw<Judged[]>`
    SELECT b.id, b.verdict, b.verdict_headline AS headline, b.findings, b.confidence, b.chance_wrong AS chance,
      b.judge_detail AS detail, b.judge_version AS version, c.guilty_file, c.guilty_frame
    FROM bisection b LEFT JOIN crash_report c ON c.bisection_id = b.id ORDER BY b.id`;

/** What an older release left: another verdict, no findings, no chance or detail, no guilty file. */
const makeOld = (where: string[]) =>
  db.prisma.$transaction([
    db.prisma.$executeRaw`UPDATE bisection SET verdict = CASE WHEN verdict = 'n/a' THEN 'n/a' ELSE 'clean' END, verdict_headline = 'old words',
      findings = '[]', chance_wrong = NULL, judge_detail = NULL, judge_version = 0 WHERE id = ANY(${where}::text[])`,
    db.prisma.$executeRaw`UPDATE crash_report SET guilty_file = NULL, guilty_frame = NULL WHERE bisection_id = ANY(${where}::text[])`,
  ]);

let fresh: Judged[];
beforeAll(async () => {
  db = await createTestDatabase();
  ids.push((await ingestLog(db.prisma, SEED)).id);
  for (const f of logsUnder("lib/parser/testdata/corpus").slice(0, 12)) {
    try {
      ids.push((await ingestLog(db.prisma, readFileSync(f, "utf8"))).id);
    } catch {
      // goldens the parser refuses
    }
  }
  fresh = await judged();
});
afterAll(async () => {
  await db.drop();
});

describe("rejudgeStale", () => {
  it("ingest stores the current judge version", () => {
    expect(fresh.length).toBeGreaterThan(8);
    expect(fresh.every((r) => r.version === JUDGE_VERSION)).toBe(true);
    expect(fresh.find((r) => r.id === ids[0])?.verdict).toBe("likely-wrong");
  });

  it("gives rows of an older judge what a fresh upload stores, and the bisection counts follow", async () => {
    await makeOld(ids);
    expect(await staleJudgements(db.prisma)).toBe(fresh.length);
    const seedOld = (await judged()).find((r) => r.id === ids[0]);
    expect(seedOld).toMatchObject({ verdict: "clean", version: 0, guilty_file: null });

    const p = await rejudgeStale(db.prisma, { batch: 4 });
    expect(p.rejudged).toBe(fresh.length);
    expect(p.changed).toBe(fresh.filter((r) => r.verdict !== "clean" && r.verdict !== "n/a").length);
    expect(p.refused).toEqual([]);
    expect(await judged()).toEqual(fresh);
    expect(await staleJudgements(db.prisma)).toBe(0);
    // the list's totals by verdict (bisection_tally, kept by triggers) agree with the rows
    const tally = await db.prisma.$queryRaw<{ verdict: string; n: number }[]>`SELECT verdict, sum(n)::int AS n FROM bisection_tally GROUP BY verdict HAVING sum(n) > 0 ORDER BY verdict`;
    const rows = await db.prisma.$queryRaw<{ verdict: string; n: number }[]>`SELECT verdict, count(*)::int AS n FROM bisection GROUP BY verdict ORDER BY verdict`;
    expect(tally).toEqual(rows);
  });

  it("gives culprit files stored without the log's order their place from the log", async () => {
    const order = () => db.prisma.$queryRaw<{ id: string; path: string; position: number | null }[]>`SELECT bisection_id AS id, path, position FROM culprit_file ORDER BY bisection_id, path`;
    const stored = await order();
    expect(stored.length).toBeGreaterThan(5);
    expect(stored.every((r) => r.position !== null)).toBe(true);
    const withFiles = [...new Set(stored.map((r) => r.id))];
    await db.prisma.$executeRaw`UPDATE culprit_file SET position = NULL`;
    await makeOld(withFiles);
    await rejudgeStale(db.prisma);
    expect(await order()).toEqual(stored);
    // the seed's diffstat as the log lists it (L227-L232)
    const seed = await db.prisma.culpritFile.findMany({ where: { bisectionId: ids[0] }, orderBy: { position: "asc" }, select: { path: true } });
    expect(seed.map((f) => f.path)).toEqual(SEED_FILES);
  });

  it("writes nothing twice: a second pass finds nothing to do", async () => {
    expect(await rejudgeStale(db.prisma)).toEqual({ rejudged: 0, changed: 0, refused: [] });
  });

  it("a page read before the re-judge shows the new verdict after it (the detail cache follows the version)", async () => {
    const id = ids[0];
    expect((await getBisection(db.prisma, id))?.verdict).toBe("likely-wrong"); // now cached
    await makeOld([id]);
    const old = await getBisection(db.prisma, id);
    expect(old?.verdict).toBe("clean"); // what is stored, not what was cached
    expect(old?.judgeVersion).toBe(0);
    await rejudgeStale(db.prisma);
    const now = await getBisection(db.prisma, id);
    expect(now?.verdict).toBe("likely-wrong");
    expect(now?.findings.map((f) => f.rule)).toContain("title-drift");
    expect(now?.judgeVersion).toBe(JUDGE_VERSION);
  });

  it("a stored log the parser now refuses keeps its verdict, is named, and is not tried again", async () => {
    const id = ids[1];
    const before = (await judged()).find((r) => r.id === id);
    await db.prisma.$executeRaw`UPDATE raw_log SET text = 'not a bisection log', deflated = NULL WHERE bisection_id = ${id}`;
    await db.prisma.$executeRaw`UPDATE bisection SET judge_version = 0 WHERE id = ${id}`;
    const p = await rejudgeStale(db.prisma);
    expect(p.rejudged).toBe(0);
    expect(p.refused).toHaveLength(1);
    expect(p.refused[0].id).toBe(id);
    expect(p.refused[0].reason).toMatch(/^line \d+: /);
    expect((await judged()).find((r) => r.id === id)).toEqual(before);
    expect(await staleJudgements(db.prisma)).toBe(0);
  });
});
