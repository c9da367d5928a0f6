// culprit_dir (migration 20261201210000): the directories of every bisection's culprit files,
// kept by triggers, against a real PostgreSQL. The path filter answered through it finds exactly
// the bisections the LIKE over culprit_file finds, for every directory stored and for prefixes
// that are not directories; hostile paths (deep, long) store and are still found.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { logsUnder } from "@/lib/testing/logs-under";
import { ingestLog } from "@/lib/ingest";
import { parseListParams } from "@/lib/validations/list";
import { listBisections } from "./list";
import { dirPrefixes, pathCondition } from "./list-query";
import { DIR_LEVELS, culpritDirs } from "@/lib/culprit-dirs";

let db: TestDatabase;
let ids: string[];

/** The directories a path puts in culprit_dir, written out from the migration's rule. */
function dirsOf(path: string): string[] {
  const parts = path.slice(0, 201).split("/");
  const out: string[] = [];
  for (let n = 1; n <= Math.min(parts.length - 1, DIR_LEVELS); n++) out.push(`${parts.slice(0, n).join("/")}/`);
  return out;
}

async function storedDirs(): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<{ k: string }[]>`SELECT bisection_id || ' ' || dir || ' ' || (uploaded_at = (SELECT uploaded_at FROM bisection b WHERE b.id = d.bisection_id))::text AS k FROM culprit_dir d`;
  return rows.map((r) => r.k).sort();
}

async function expectedDirs(): Promise<string[]> {
  const files = await db.prisma.culpritFile.findMany({ select: { bisectionId: true, path: true } });
  const set = new Set(files.flatMap((f) => dirsOf(f.path).map((d) => `${f.bisectionId} ${d} true`)));
  return [...set].sort();
}

async function matching(prefix: string, via: "dirs" | "files"): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT b.id FROM bisection b WHERE ${pathCondition(prefix, via)} ORDER BY b.id`);
  return rows.map((r) => r.id);
}

beforeAll(async () => {
  db = await createTestDatabase();
  for (const f of logsUnder("lib/parser/testdata")) await ingestLog(db.prisma, readFileSync(f, "utf8")).catch(() => null);
  ids = (await db.prisma.culprit.findMany({ select: { bisectionId: true }, orderBy: { bisectionId: "asc" } })).map((c) => c.bisectionId);
});
afterAll(async () => {
  await db.drop();
});

describe("culprit_dir", () => {
  it("holds every directory of every culprit file once per bisection, at its upload time", async () => {
    const want = await expectedDirs();
    expect(want.length).toBeGreaterThan(50);
    expect(await storedDirs()).toEqual(want);
    expect(dirsOf("kernel/locking/lockdep.c")).toEqual(["kernel/", "kernel/locking/"]);
    expect(dirsOf(".../bindings/regulator/x.yaml")).toEqual([".../", ".../bindings/", ".../bindings/regulator/"]);
  });

  it("follows a moved upload time, a removed file and a renamed one", async () => {
    const [a, b] = ids;
    await db.prisma.$executeRaw`UPDATE bisection SET uploaded_at = uploaded_at - interval '3 days' WHERE id = ${a}`;
    const one = await db.prisma.culpritFile.findFirstOrThrow({ where: { bisectionId: b }, orderBy: { path: "asc" } });
    await db.prisma.$executeRaw`UPDATE culprit_file SET path = 'zz/new/dir.c' WHERE bisection_id = ${b} AND path = ${one.path}`;
    expect(await storedDirs()).toEqual(await expectedDirs());
    expect(await matching("zz/new/", "dirs")).toEqual([b]);
    await db.prisma.$executeRaw`DELETE FROM culprit_file WHERE bisection_id = ${b} AND path = 'zz/new/dir.c'`;
    expect(await storedDirs()).toEqual(await expectedDirs());
    expect(await matching("zz/", "dirs")).toEqual([]);
    // an update that changes no path leaves the rows as they are
    await db.prisma.$executeRaw`UPDATE culprit_file SET position = position WHERE bisection_id = ${a}`;
    expect(await storedDirs()).toEqual(await expectedDirs());
  });

  it("stores hostile paths (40 levels, 3,000 characters) with at most 8 directories each, still found by prefix", async () => {
    const deep = `${Array.from({ length: 40 }, (_, i) => `d${i}`).join("/")}/f.c`;
    const long = `${"x".repeat(3000)}/y/z.c`;
    await db.prisma.$executeRaw`INSERT INTO culprit_file (bisection_id, path, created, deleted) VALUES (${ids[2]}, ${deep}, false, false), (${ids[2]}, ${long}, false, false)`;
    expect(await storedDirs()).toEqual(await expectedDirs());
    const nine = `${deep.split("/").slice(0, 9).join("/")}/`;
    expect(dirPrefixes(nine)).toBeNull(); // deeper than culprit_dir keeps: answered by LIKE
    const page = await listBisections(db.prisma, parseListParams({ path: nine }));
    expect(page.rows.map((r) => r.id)).toEqual([ids[2]]);
    expect((await listBisections(db.prisma, parseListParams({ path: "d0/d1/" }))).rows.map((r) => r.id)).toEqual([ids[2]]);
    expect((await listBisections(db.prisma, parseListParams({ path: `${"x".repeat(200)}` }))).rows.map((r) => r.id)).toEqual([ids[2]]);
  });

  it("the bulk import's directories (rows.ts culpritDirs) are SQL's culprit_dirs for any path", async () => {
    const sql = async (path: string) => (await db.prisma.$queryRaw<{ d: string }[]>`SELECT d FROM culprit_dirs(${path}) AS d`).map((r) => r.d);
    for (const p of ["", "/", "a", "a/", "//", "a//b", ".../x/y.c", `${"é".repeat(199)}/z/q.c`, `${"😀".repeat(200)}/z/q.c`, `${"x".repeat(200)}/y.c`, `${"x".repeat(199)}/y/z.c`])
      expect(culpritDirs(p), JSON.stringify(p)).toEqual(await sql(p));
    // segments of slashes, dots, multi-byte and astral characters, around the 201-character cut
    const segment = fc.stringMatching(/^[a-z.é😀-]{0,30}$/u);
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 14 }), fc.nat(220), async (parts, pad) => {
        const path = `${"p".repeat(pad % 2 ? pad : 0)}${parts.join("/")}`;
        expect(culpritDirs(path), JSON.stringify(path)).toEqual(await sql(path));
      }),
      { numRuns: 300 },
    );
  });

  it("answers every stored directory, its shortened spellings and non-directory prefixes as the LIKE over files does", async () => {
    const dirs = (await db.prisma.$queryRaw<{ dir: string }[]>`SELECT DISTINCT dir FROM culprit_dir WHERE length(dir) <= 200`).map((r) => r.dir);
    expect(dirs.length).toBeGreaterThan(30);
    for (const d of dirs) {
      if (!dirPrefixes(d)) continue;
      expect(await matching(d, "dirs"), d).toEqual(await matching(d, "files"));
    }
    // random prefixes over the stored paths' own characters, cut anywhere
    const paths = (await db.prisma.culpritFile.findMany({ select: { path: true } })).map((f) => f.path);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.nat(), fc.boolean(), async (path, cut, slash) => {
        const prefix = path.slice(0, cut % (path.length + 1)) + (slash ? "/" : "");
        if (!prefix.trim() || prefix.length > 200) return;
        expect(await matching(prefix, "dirs"), prefix).toEqual(await matching(prefix, "files"));
      }),
      { numRuns: 150 },
    );
  });
});
