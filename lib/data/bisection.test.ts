import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ingestLog } from "@/lib/ingest";
import { getBisection, getLogLines } from "./bisection";
import { forgetImmutable } from "./immutable-cache";

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
