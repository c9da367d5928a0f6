import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ingestLog } from "@/lib/ingest";
import fc from "fast-check";
import { getBisection, getLogLines, getRawLog } from "./bisection";
import { getCompareSide } from "./related";
import { forgetImmutable } from "./immutable-cache";
import { linesBetween, lineStarts } from "@/lib/raw-log";

const FIXTURE = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
const lines = FIXTURE.split("\n");

let db: TestDatabase;
let id: string;
beforeAll(async () => {
  db = await createTestDatabase();
  id = (await ingestLog(db.prisma, FIXTURE)).id;
});
afterAll(async () => {
  await db.drop();
});

describe("getLogLines", () => {
  it("cuts line ranges out of the stored log, in the order asked", async () => {
    const [crash, start] = await getLogLines(db.prisma, id, [
      [237, 239],
      [29, 30],
    ]);
    expect(start).toBe(`${lines[28]}\n${lines[29]}`);
    expect(start).toMatch(/^# git bisect start 9c54130c/);
    expect(crash).toBe(lines.slice(236, 239).join("\n"));
  });
  it("gives empty text for an empty range or one past the end", async () => {
    expect(await getLogLines(db.prisma, id, [[0, -1], [5000, 5001]])).toEqual(["", ""]);
    expect(await getLogLines(db.prisma, "000000000000", [[1, 2]])).toEqual([]);
  });
  it("reads a log stored deflated as PostgreSQL cuts it, and one stored as text (before 20261202040000) the same", async () => {
    const stored = await db.prisma.rawLog.findUniqueOrThrow({ where: { bisectionId: id }, select: { text: true, deflated: true } });
    expect(stored.text).toBeNull();
    expect(stored.deflated!.length).toBeLessThan(FIXTURE.length / 3);
    // the log as ingest normalized it (line ends, trailing blanks)
    const text = (await getRawLog(db.prisma, id))!;
    expect(text.length).toBeGreaterThan(FIXTURE.length - 100);
    const tlines = text.split("\n");
    const cut = async (text: string, [a, b]: [number, number]) =>
      (await db.prisma.$queryRaw<{ s: string | null }[]>`SELECT array_to_string((string_to_array(${text}, E'\\n'))[${a}::int:${b}::int], E'\\n') AS s`)[0].s ?? "";
    const n = tlines.length;
    const ranges = fc.array(fc.tuple(fc.integer({ min: -3, max: n + 3 }), fc.integer({ min: -3, max: n + 3 })), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(ranges, async (rs) => {
        forgetImmutable(db.prisma);
        expect(await getLogLines(db.prisma, id, rs)).toEqual(await Promise.all(rs.map((r) => cut(text, r))));
      }),
      { numRuns: 150 },
    );
    // texts of blank lines, a trailing newline, none at all
    for (const t of ["", "\n", "a", "a\n", "\n\nb\n\n"]) for (const r of [[1, 1], [1, 3], [2, 2], [0, 9], [3, 2]] as [number, number][])
      expect(linesBetween(t, lineStarts(t), ...r), `${JSON.stringify(t)} ${r}`).toBe(await cut(t, r));
    // a row holds one form: neither, or both, is refused
    await expect(db.prisma.$executeRaw`UPDATE raw_log SET deflated = NULL WHERE bisection_id = ${id}`).rejects.toThrow(/raw_log_one_form/);
    await expect(db.prisma.$executeRaw`UPDATE raw_log SET text = 'x' WHERE bisection_id = ${id}`).rejects.toThrow(/raw_log_one_form/);
    // the same row as one stored before: text, cut in the database
    await db.prisma.rawLog.update({ where: { bisectionId: id }, data: { text, deflated: null } });
    try {
      forgetImmutable(db.prisma);
      expect(await getRawLog(db.prisma, id)).toBe(text);
      expect(await getLogLines(db.prisma, id, [[237, 239], [29, 30], [n - 1, n + 2]])).toEqual([tlines.slice(236, 239).join("\n"), tlines.slice(28, 30).join("\n"), tlines.slice(n - 2).join("\n")]);
    } finally {
      await db.prisma.rawLog.update({ where: { bisectionId: id }, data: { text: null, deflated: stored.deflated } });
      forgetImmutable(db.prisma);
    }
  });
});

describe("getBisection", () => {
  it("reads the stored bisection with its steps in test order and frames in report order", async () => {
    const b = await getBisection(db.prisma, id);
    expect(b?.steps.map((s) => s.index)).toEqual([...Array(15).keys()]);
    expect(b?.steps[0].runs).toHaveLength(20);
    expect(b?.frames[0].position).toBe(0);
    expect(b?.crash?.guiltyFile).toBe("arch/x86/kernel/kvm.c");
  });
});

describe("getBisection: the judge's second round, stored at ingest", () => {
  it("reads the chance, the guilty route and the trusted range back through the schema", async () => {
    const b = await getBisection(db.prisma, id);
    expect(b?.chanceWrong).toBeGreaterThan(0.5);
    expect(b?.chanceWrong).toBeLessThan(1);
    const d = b?.judgeDetail;
    expect(d?.guilty).toMatchObject({ file: "arch/x86/kernel/kvm.c", line: 263, rule: "first" });
    expect(d?.guilty?.why).toContain("kernel/locking/irqflag-debug.c");
    expect(d?.trust?.good).toBe("2f0df49c89acaa58571d509830bc481250699885");
    expect(d?.trust?.script.split("\n")[0]).toBe("git bisect start '9c54130cd25528028b2d38f6ada0c79e92210390' 'f40ddce88593482919761f74910f42f4b84c004b'");
    expect(d?.chanceTerms.map((t) => t.feature)).toContain("title-drift:high");
  });
  it("gives a null detail for a row whose stored JSON does not match the schema", async () => {
    await db.prisma.bisection.update({ where: { id }, data: { judgeDetail: { guilty: "nonsense" } } });
    forgetImmutable(db.prisma); // getBisection caches stored rows by id; this one was rewritten behind its back
    expect((await getBisection(db.prisma, id))?.judgeDetail).toBeNull();
  });
});

describe("getBisection and what changes after storing", () => {
  it("shows a mark added after the page's data was cached", async () => {
    const { addMark } = await import("@/lib/ingest/marks");
    const before = await getBisection(db.prisma, id); // warms the cache
    expect(before?.marks).toEqual([]);
    await addMark(db.prisma, id, "alice", { verdict: "wrong", realCulprit: null, note: "chased the kvm_wait warning", loreLink: null });
    const after = await getBisection(db.prisma, id);
    expect(after?.marks.map((m) => [m.who, m.verdict])).toEqual([["alice", "wrong"]]);
  });
});

// /compare's side: the steps and runs are read once and kept (they never change once stored),
// the head each time (a newer judge rewrites the verdict)
describe("getCompareSide", () => {
  it("gives the steps in order with their runs in order, and the head's words", async () => {
    const side = (await getCompareSide(db.prisma, id))!;
    expect(side.steps).toHaveLength(15);
    expect(side.steps[0].role).toBe("start");
    expect(side.steps[0].runs.length).toBeGreaterThan(0);
    expect(side.crashSignature?.title).toBeTruthy();
    expect(await getCompareSide(db.prisma, "000000000000")).toBeNull();
  });

  it("reads the steps once and the verdict every time", async () => {
    forgetImmutable(db.prisma);
    const first = (await getCompareSide(db.prisma, id))!;
    // behind the app's back: a run retitled (ingest never does that) and the verdict rewritten (a re-judge does)
    await db.prisma.$executeRaw`UPDATE run SET title = 'retitled' WHERE bisection_id = ${id} AND step_index = 0 AND index = 0`;
    const verdict = first.verdict === "doubtful" ? "clean" : "doubtful";
    await db.prisma.$executeRaw`UPDATE bisection SET verdict = ${verdict} WHERE id = ${id}`;
    const second = (await getCompareSide(db.prisma, id))!;
    expect(second.steps).toEqual(first.steps);
    expect(second.verdict).toBe(verdict);
    forgetImmutable(db.prisma);
    const third = (await getCompareSide(db.prisma, id))!;
    expect(third.steps[0].runs[0].title).toBe("retitled");
  });
});
