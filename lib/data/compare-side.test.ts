// /compare's side of one bisection against a real PostgreSQL: the steps and runs are read once
// and kept (they never change once stored), the head each time (a newer judge rewrites the verdict).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ingestLog } from "@/lib/ingest";
import { getCompareSide } from "./related";
import { forgetImmutable } from "./immutable-cache";

const FIXTURE = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");

let db: TestDatabase;
let id: string;
beforeAll(async () => {
  db = await createTestDatabase();
  id = (await ingestLog(db.prisma, FIXTURE)).id;
});
afterAll(async () => {
  await db.drop();
});

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
