// Other bisections of a crash against a real PostgreSQL: the newest 11 (10 shown, one more to say there are more) that share the final or
// the start title, never the bisection itself, with 30 more copies of the seed's crash stored.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ingestLog } from "@/lib/ingest";
import { otherBisectionsOfCrash, RELATED_SHOWN } from "./related";

let db: TestDatabase;
let seed: string;
beforeAll(async () => {
  db = await createTestDatabase();
  seed = (await ingestLog(db.prisma, readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8"))).id;
  await ingestLog(db.prisma, readFileSync("lib/parser/testdata/synthetic/fix-found-nfc-2022.txt", "utf8"));
  // copies of the seed's row: 15 keep both titles, 15 keep only the start title, 5 neither
  await db.prisma.$executeRawUnsafe(`
    INSERT INTO bisection (id, content_hash, type, outcome, uploaded_at, start_commit_hash, crash_signature_id, start_signature_id,
      candidates, truncated, head_truncated, line_count, step_count, warnings, verdict, findings, search_text)
    SELECT lpad(to_hex(g), 12, '0'), lpad(to_hex(g), 64, '0'), type, outcome, timestamp '2024-01-01' + g * interval '1 hour',
      start_commit_hash, CASE WHEN g <= 15 THEN crash_signature_id END, CASE WHEN g <= 30 THEN start_signature_id END,
      candidates, truncated, head_truncated, line_count, step_count, warnings, verdict, findings, search_text
    FROM bisection, generate_series(1, 35) g WHERE id = '${seed}'`);
});
afterAll(async () => {
  await db.drop();
});

describe("otherBisectionsOfCrash", () => {
  it("gives the newest RELATED_SHOWN + 1 sharing the final or start title, newest first, without the bisection itself", async () => {
    const b = await db.prisma.bisection.findUniqueOrThrow({ where: { id: seed }, select: { crashSignature: true, startSignature: true } });
    const got = await otherBisectionsOfCrash(db.prisma, seed, [b.crashSignature!.title, b.startSignature!.title]);
    const all = await db.prisma.bisection.findMany({
      where: { id: { not: seed }, OR: [{ crashSignatureId: b.crashSignature!.id }, { startSignatureId: b.startSignature!.id }] },
      orderBy: [{ uploadedAt: "desc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(all).toHaveLength(30);
    expect(got.map((r) => r.id)).toEqual(all.slice(0, RELATED_SHOWN + 1).map((r) => r.id));
    expect(got[0]).toMatchObject({ type: "cause", crashSignature: null, foundCommit: null, verdict: expect.any(String) });
    // each row as the stored bisection and its relations say
    const stored = await db.prisma.bisection.findMany({
      where: { id: { in: got.map((r) => r.id) } },
      select: { id: true, type: true, outcome: true, verdict: true, uploadedAt: true, startedAt: true, culprit: { select: { hash: true, subject: true } }, crashSignature: { select: { title: true } }, startSignature: { select: { title: true } } },
    });
    const want = new Map(stored.map(({ culprit, ...r }) => [r.id, { ...r, foundCommit: culprit }]));
    for (const r of got) expect(r, r.id).toEqual(want.get(r.id));
    expect(got.every((r) => r.startSignature?.title === b.startSignature!.title)).toBe(true);
    // only the final title: the copies that kept it
    const byFinal = await otherBisectionsOfCrash(db.prisma, seed, [b.crashSignature!.title]);
    const kept = new Set(Array.from({ length: 15 }, (_, i) => (i + 1).toString(16).padStart(12, "0")));
    expect(byFinal).toHaveLength(RELATED_SHOWN + 1);
    expect(byFinal.every((r) => kept.has(r.id))).toBe(true);
    expect(byFinal.every((r) => r.crashSignature?.title === b.crashSignature!.title)).toBe(true);
  });
});
