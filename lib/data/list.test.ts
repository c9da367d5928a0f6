// The list's queries (lib/data/list-query.ts) against a real PostgreSQL holding the golden logs:
// every sort, both ways, over two pages, with and without filters, gives the rows a plain sort
// of all matching rows gives (the order each index walk is built to reproduce); hash prefixes
// find found, start and candidate commits; counts are exact, or capped for searches.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { logsUnder } from "@/lib/testing/logs-under";
import { ingestLog } from "@/lib/ingest";
import { addMark } from "@/lib/ingest/marks";
import { parseMarkInput } from "@/lib/validations/mark";
import { decodeCursor, encodeCursor, listQuery, MAX_CURSOR_KEY, parseListParams, parseListParamsStrict, SORT_KEYS, type ListCursor, type ListParams } from "@/lib/validations/list";
import { printable } from "@/lib/ingest/display-safe";
import { OUTCOMES, VERDICTS } from "@/lib/domain/words";
import { cursorOf, listBisections, SEARCH_COUNT_CAP } from "./list";
import { hashPrefix, narrowsRows, pageIdsQuery, readsBackwards } from "./list-query";

interface Ref {
  id: string;
  at: number;
  ran: number | null;
  type: string;
  outcome: string;
  verdict: string;
  title: string | null;
  found: string | null;
  start: string;
  candidates: string[];
  tested: number;
  text: string;
  paths: string[];
  marks: string[];
}

let db: TestDatabase;
let all: Ref[];

/** PostgreSQL's order under the C collation: bytes of UTF-8; NULLs last ascending, first descending. */
function cmp(a: string | number | null, b: string | number | null, dir: "asc" | "desc", nulls: "last" | "default" = "default"): number {
  if (a === b) return 0;
  const nullsLast = nulls === "last" || dir === "asc";
  if (a === null) return nullsLast ? 1 : -1;
  if (b === null) return nullsLast ? -1 : 1;
  const c = typeof a === "number" ? a - (b as number) : Buffer.compare(Buffer.from(a), Buffer.from(b as string));
  return dir === "asc" ? Math.sign(c) : -Math.sign(c);
}

/** Best match's tier, written out from its rule: 0 when the crash title, its ASCII letters
 *  lowered, holds the lowered search; 1 for every other match. */
function tierOf(r: Ref, q: string | undefined): number {
  return r.title !== null && q !== undefined && r.title.replace(/[A-Z]/g, (c) => c.toLowerCase()).includes(q.toLowerCase()) ? 0 : 1;
}

function expected(p: ListParams): Ref[] {
  const q = p.q?.toLowerCase();
  const hex = p.q ? hashPrefix(p.q) : null;
  const rows = all.filter(
    (r) =>
      (!p.type || r.type === p.type) &&
      (!p.outcome || r.outcome === p.outcome) &&
      (!p.verdict || r.verdict === p.verdict) &&
      (!q || r.text.includes(q) || (hex !== null && [r.found ?? "", r.start, ...r.candidates].some((h) => h.startsWith(hex)))) &&
      (!p.path || r.paths.some((f) => f.startsWith(p.path!))) &&
      (!p.mark || (p.mark === "marked" ? r.marks.length > 0 : p.mark === "unmarked" ? r.marks.length === 0 : r.marks.includes(p.mark))),
  );
  const key = (r: Ref) => ({ uploaded: r.at, ran: r.ran, title: r.title, commit: r.found, tested: r.tested, outcome: r.outcome, verdict: r.verdict, relevance: tierOf(r, p.q) })[p.sort];
  return rows.sort(
    (a, b) =>
      // best match: the first tier first whatever `dir` says
      cmp(key(a), key(b), p.sort === "relevance" ? "asc" : p.dir, p.sort === "commit" || p.sort === "ran" || p.sort === "title" ? "last" : "default") ||
      (p.sort === "uploaded" ? 0 : cmp(a.at, b.at, "desc")) ||
      cmp(a.id, b.id, "asc"),
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  for (const f of logsUnder("lib/parser/testdata")) await ingestLog(db.prisma, readFileSync(f, "utf8")).catch(() => null);
  // ties on the upload time, so the id decides between them
  await db.prisma.$executeRawUnsafe(`UPDATE bisection SET uploaded_at = timestamp '2024-01-01' + (ascii(id) % 5) * interval '1 day'`);
  const ids = (await db.prisma.bisection.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((b) => b.id);
  const wrong = parseMarkInput({ verdict: "wrong" });
  const right = parseMarkInput({ verdict: "right" });
  if (!wrong.ok || !right.ok) throw new Error("mark");
  await addMark(db.prisma, ids[0], "alice", wrong.mark);
  await addMark(db.prisma, ids[1], "alice", right.mark);
  await addMark(db.prisma, ids[1], "alice", wrong.mark); // supersedes the right
  const rows = await db.prisma.bisection.findMany({
    select: {
      id: true, uploadedAt: true, startedAt: true, type: true, outcome: true, verdict: true, foundCommitHash: true, startCommitHash: true, candidates: true,
      stepCount: true, searchText: true, crashSignature: { select: { title: true } }, culprit: { select: { files: { select: { path: true } } } },
      marks: { where: { next: { is: null } }, select: { verdict: true } },
    },
  });
  all = rows.map((b) => ({
    id: b.id, at: b.uploadedAt.getTime(), ran: b.startedAt?.getTime() ?? null, type: b.type, outcome: b.outcome, verdict: b.verdict, title: b.crashSignature?.title ?? null,
    found: b.foundCommitHash, start: b.startCommitHash, candidates: b.candidates, tested: b.stepCount, text: b.searchText,
    paths: b.culprit?.files.map((f) => f.path) ?? [], marks: b.marks.map((m) => m.verdict),
  }));
});
afterAll(async () => {
  await db.drop();
});

describe("listBisections", () => {
  it("has enough rows to page through, with and without titles, commits and candidates", () => {
    expect(all.length).toBeGreaterThan(30);
    expect(all.some((r) => r.title === null)).toBe(true);
    expect(all.some((r) => r.found === null)).toBe(true);
    expect(all.some((r) => r.ran === null) && all.some((r) => r.ran !== null)).toBe(true);
    expect(all.some((r) => r.candidates.length > 0)).toBe(true);
  });

  const filters: Record<string, string>[] = [
    {}, { type: "cause" }, { verdict: "clean" }, { q: "kasan" }, { q: "Lock" }, { path: "net/" }, { path: "net/", verdict: "clean" }, { path: "net/core" }, { mark: "unmarked" },
  ];
  for (const sort of SORT_KEYS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`sorts by ${sort} ${dir} like a sort of all rows, over pages, with each filter`, async () => {
        for (const f of filters) {
          for (const page of [1, 2]) {
            const p = parseListParams({ ...f, sort, dir, per: "25", page: String(page) });
            const got = await listBisections(db.prisma, p);
            const want = expected(p);
            const ids = want.slice((page - 1) * 25, page * 25).map((r) => r.id);
            expect(got.rows.map((r) => r.id), JSON.stringify(f) + ` page ${page}`).toEqual(ids);
            // both plans: the one-query sort (used here, the table being small) and the index walks
            for (const few of narrowsRows(p) ? [true] : [true, false]) {
              const raw = await db.prisma.$queryRaw<{ id: string }[]>(pageIdsQuery(p, few));
              expect(raw.map((r) => r.id), `${JSON.stringify(f)} page ${page} few=${few}`).toEqual(ids);
            }
            if (got.rows.length > 0 || page === 1) expect(got.total, JSON.stringify(f)).toBe(Math.min(want.length, SEARCH_COUNT_CAP));
          }
        }
      });
    }
  }

  /** A row's place in the list's order, as the list's own links carry it. */
  const cursorAt = (p: ListParams, r: Ref): ListCursor => ({
    key: { uploaded: null, ran: r.ran === null ? null : new Date(r.ran).toISOString(), title: r.title, commit: r.found, tested: r.tested, outcome: r.outcome, verdict: r.verdict, relevance: tierOf(r, p.q) }[p.sort],
    at: new Date(r.at).toISOString(),
    id: r.id,
  });

  for (const sort of SORT_KEYS) {
    for (const dir of ["asc", "desc"] as const) {
      it(`pages by cursor through ${sort} ${dir}, forward and back, as the offset pages do`, async () => {
        for (const f of filters) {
          const base = parseListParams({ ...f, sort, dir, per: "25" });
          const want = expected(base).map((r) => r.id);
          // both plans, from every row: the page past it, and the page before it read backwards
          // best match: each title's rows from its index, and (no title ranked one by one) the upload-time walk
          for (const [few, ranked] of (narrowsRows(base) ? [true] : [true, false]).flatMap((few) => (sort === "relevance" ? [200, 0] : [200]).map((r) => [few, r] as const))) {
            for (let k = 0; k < want.length; k += 7) {
              const at = cursorAt(base, expected(base)[k]);
              const after = await db.prisma.$queryRaw<{ id: string }[]>(pageIdsQuery({ ...base, page: 2, after: at }, few, ranked));
              expect(after.map((r) => r.id), `${JSON.stringify(f)} after row ${k} few=${few} ranked=${ranked}`).toEqual(want.slice(k + 1, k + 26));
              const back = { ...base, page: 2, before: at };
              expect(readsBackwards(back)).toBe(true);
              const before = await db.prisma.$queryRaw<{ id: string }[]>(pageIdsQuery(back, few, ranked));
              expect(before.map((r) => r.id).reverse(), `${JSON.stringify(f)} before row ${k} few=${few}`).toEqual(want.slice(Math.max(0, k - 25), k));
            }
          }
          // the page's own links, as a reader follows them: next to the end, then previous to the start
          const seen: string[][] = [];
          let p: ListParams = base;
          for (;;) {
            const got = await listBisections(db.prisma, p);
            seen.push(got.rows.map((r) => r.id));
            if (!got.after) break;
            p = parseListParams(Object.fromEntries(new URLSearchParams(listQuery({ ...p, page: got.page + 1, after: decodeCursor(got.after)!, before: undefined }))));
            expect(p.after, "the link's cursor survives the URL").toBeDefined();
          }
          expect(seen.flat(), JSON.stringify(f)).toEqual(want);
          for (let i = seen.length - 1; i > 0; i--) {
            const got = await listBisections(db.prisma, p);
            expect(got.rows.map((r) => r.id), `${JSON.stringify(f)} back to page ${i + 1}`).toEqual(seen[i]);
            p = i === 1 ? { ...base } : { ...p, page: i, after: undefined, before: decodeCursor(got.before!)! };
          }
          expect((await listBisections(db.prisma, p)).rows.map((r) => r.id)).toEqual(seen[0]);
        }
      });
    }
  }

  it("best match puts the rows whose crash title holds the search first, each tier newest first; without a search it is the upload order", async () => {
    for (const q of ["kasan", "Lock", "kvm_wait"]) {
      const p = parseListParams({ q, sort: "relevance", per: "200" });
      const tiers = expected(p).map((r) => tierOf(r, q));
      // both tiers, so the order is a real test: titles first, then the matches elsewhere
      expect(tiers.includes(0) && tiers.includes(1), q).toBe(true);
      const got = await listBisections(db.prisma, p);
      const rows = got.rows.map((r) => ({ tier: r.crashTitle?.toLowerCase().includes(q.toLowerCase()) ? 0 : 1, at: r.uploadedAt }));
      expect(rows.map((r) => r.tier), q).toEqual([...tiers].sort());
      expect(got.total).toBe(expected(parseListParams({ q })).length);
    }
    // LIKE's wildcards and its escape are the search's own characters in both tiers: the same
    // rows as the newest-first search, and a `%` title match only where the title has a `%`
    for (const q of ["%", "_", "\\", "in %", "kvm_w%t", "'"]) {
      const best = await listBisections(db.prisma, parseListParams({ q, sort: "relevance", per: "200" }));
      const newest = await listBisections(db.prisma, parseListParams({ q, per: "200" }));
      expect(best.rows.map((r) => r.id).sort(), q).toEqual(newest.rows.map((r) => r.id).sort());
      expect(best.rows.map((r) => r.id), q).toEqual(expected(parseListParams({ q, sort: "relevance" })).map((r) => r.id));
    }
    expect(parseListParams({ sort: "relevance" }).sort).toBe("uploaded");
    const strict = parseListParamsStrict({ sort: "relevance" });
    expect(strict.ok).toBe(false);
    if (!strict.ok) expect(strict.error).toMatch(/^sort: relevance orders the matches of a search: give q too/);
  });

  it("opens the first page for a cursor past the end, rather than counting to its page number", async () => {
    const base = parseListParams({ per: "25" });
    const last = expected(base)[all.length - 1];
    const got = await listBisections(db.prisma, { ...base, page: 300, after: cursorAt(base, last) });
    expect(got.page).toBe(1);
    expect(got.rows.map((r) => r.id)).toEqual(expected(base).slice(0, 25).map((r) => r.id));
  });

  it("refuses a cursor it did not give in the JSON API's strict parse, and ignores it on the page", async () => {
    const { parseListParamsStrict } = await import("@/lib/validations/list");
    const bad = parseListParamsStrict({ after: "not-a-cursor!" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^after: is not a position this list gave/);
    const other = parseListParamsStrict({ sort: "tested", after: encodeCursor({ key: "kasan", at: new Date(0).toISOString(), id: "abc" }) });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error).toMatch(/another sort than tested/);
    const both = parseListParamsStrict({ after: encodeCursor({ key: null, at: new Date(0).toISOString(), id: "a" }), before: encodeCursor({ key: null, at: new Date(0).toISOString(), id: "a" }) });
    expect(both.ok).toBe(false);
    const page = parseListParams({ after: "%%%", page: "3" });
    expect(page.after).toBeUndefined();
    expect(page.page).toBe(3);
  });

  it("takes back every cursor its encoder writes for a row PostgreSQL can hold (property)", () => {
    // what a stored row can hold: times in toISOString's four-digit years, a title of at most
    // MAX_CURSOR_KEY units made printable by ingest (and well-formed by pg's UTF-8), a 40-hex
    // found commit, an int4 count, the domain's words
    const time = fc.date({ min: new Date("0001-01-01T00:00:00.000Z"), max: new Date("9999-12-31T23:59:59.999Z"), noInvalidDate: true });
    const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
    const title = fc.oneof(
      fc.string({ unit: "binary", maxLength: MAX_CURSOR_KEY }).map((s) => wellFormed(printable(s.slice(0, MAX_CURSOR_KEY)))),
      // the longest encodings: every unit three UTF-8 bytes, or escaped in JSON
      fc.constantFrom("\ufffd", '"', "\\", "\t", "\u{1f600}", "x").map((c) => c.repeat(MAX_CURSOR_KEY / c.length)),
    );
    const row = fc.record({
      id: fc.stringMatching(/^[0-9a-f]{12}$/),
      uploaded_at: time,
      started_at: fc.option(time),
      crash_title: fc.option(title),
      found_commit_hash: fc.option(fc.stringMatching(/^[0-9a-f]{40}$/)),
      step_count: fc.integer({ min: 0, max: 2_147_483_647 }),
      outcome: fc.constantFrom(...OUTCOMES),
      verdict: fc.constantFrom(...VERDICTS),
      tier: fc.constantFrom(0, 1, null),
    });
    fc.assert(
      fc.property(row, fc.constantFrom(...SORT_KEYS), fc.constantFrom("after", "before"), (r, sort, side) => {
        // best match orders a search's matches: it comes with one
        const q: Record<string, string> = sort === "relevance" ? { q: "kasan" } : {};
        const c = cursorOf({ sort, ...q }, r);
        const url = encodeCursor(c);
        const strict = parseListParamsStrict({ sort, ...q, [side]: url });
        expect(strict, JSON.stringify(c).slice(0, 200)).toMatchObject({ ok: true, params: { [side]: c } });
        expect(parseListParams({ sort, ...q, [side]: url })[side]).toEqual(c);
      }),
      { numRuns: 400 },
    );
  });

  it("never fails the page's query for a cursor its parse lets through (property, on PostgreSQL)", async () => {
    // edges of every part: times around year 0 and 10000, counts around int4 and 2^53, text with
    // controls and long; whatever the strict parse accepts must read a page, both plans
    const edgeTime = fc.oneof(
      fc.date({ min: new Date("-000100-01-01T00:00:00Z"), max: new Date("+010100-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom("0000-01-01T00:00:00Z", "0000-12-31T23:59:59.999999Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z", "2024-01-01T00:00:00.000Z"),
    );
    const key = fc.oneof(
      fc.constant(null),
      fc.integer({ min: -(2 ** 31) - 2, max: 2 ** 31 + 1 }),
      fc.constantFrom(9007199254740991, -1, 0, 2 ** 31, 1.5, 1e300),
      edgeTime,
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.string({ unit: fc.constantFrom("a", "\u0000", "\t", "\u001b", "\ufffd"), maxLength: 20 }),
    );
    const id = fc.oneof(fc.stringMatching(/^[0-9a-z]{1,64}$/), fc.constantFrom("0", "zzzzzzzzzzzz"));
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(key, edgeTime, id, fc.constantFrom(...SORT_KEYS), fc.constantFrom("asc", "desc"), fc.constantFrom("after", "before"), async (k, at, i, sort, dir, side) => {
        const url = Buffer.from(JSON.stringify([k, at, i])).toString("base64url");
        const q: Record<string, string> = sort === "relevance" ? { q: "lock" } : {};
        const strict = parseListParamsStrict({ sort, dir, per: "25", ...q, [side]: url });
        const lax = parseListParams({ sort, dir, per: "25", ...q, [side]: url });
        // the page ignores what the API refuses, and takes what it takes
        expect(lax[side]).toEqual(strict.ok ? strict.params[side] : undefined);
        if (!strict.ok) {
          expect(strict.error).toMatch(new RegExp(`^${side}: `));
          return;
        }
        accepted++;
        for (const few of narrowsRows(strict.params) ? [true] : [true, false]) await db.prisma.$queryRaw(pageIdsQuery(strict.params, few));
        await listBisections(db.prisma, strict.params);
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(30);
  });

  it("finds a hash by its prefix: found, start and candidate commits, 4 to 40 hex digits", async () => {
    const withFound = all.find((r) => r.found)!;
    const withCandidates = all.find((r) => r.candidates.length)!;
    for (const [q, id] of [
      [withFound.found!.slice(0, 8), withFound.id],
      [withFound.found!.toUpperCase(), withFound.id],
      [all[0].start.slice(0, 12), all[0].id],
      [withCandidates.candidates[1].slice(0, 7), withCandidates.id],
    ] as const) {
      const got = await listBisections(db.prisma, parseListParams({ q }));
      expect(got.rows.map((r) => r.id), q).toContain(id);
      expect(got.rows.map((r) => r.id).sort(), q).toEqual(expected(parseListParams({ q })).map((r) => r.id).sort());
    }
    // the middle of a hash is no prefix, and hashes are not in the search text
    expect((await listBisections(db.prisma, parseListParams({ q: withFound.found!.slice(5, 17) }))).rows).toEqual([]);
  });

  it("shows each row as the stored bisection and its relations say", async () => {
    await db.prisma.syzbotLink.create({ data: { bisectionId: all[2].id, logXid: "abc123", bugExtid: "decf42d66dced481afc1" } });
    const page = await listBisections(db.prisma, parseListParams({ per: "200" }));
    const stored = await db.prisma.bisection.findMany({
      select: {
        id: true, uploadedAt: true, startedAt: true, type: true, outcome: true, verdict: true, verdictHeadline: true, stepCount: true, candidates: true,
        error: true, crashSignature: true, startSignature: true, culprit: true, syzbot: true, marks: { where: { next: { is: null } } },
      },
    });
    const want = new Map(stored.map((b) => [b.id, {
      id: b.id, uploadedAt: b.uploadedAt.toISOString(), startedAt: b.startedAt?.toISOString() ?? null, type: b.type, outcome: b.outcome,
      verdict: b.verdict, verdictHeadline: b.verdictHeadline, crashTitle: b.crashSignature?.title ?? null, startTitle: b.startSignature?.title ?? null,
      foundCommit: b.culprit && { hash: b.culprit.hash, subject: b.culprit.subject, author: b.culprit.author }, candidates: b.candidates.length,
      error: b.error ? b.error.split("\n")[0].slice(0, 200) : null, commitsTested: b.stepCount,
      syzbot: b.syzbot && (({ bisectionId: _, updatedAt: __, ...rest }) => rest)(b.syzbot),
      marks: { right: b.marks.filter((m) => m.verdict === "right").length, wrong: b.marks.filter((m) => m.verdict === "wrong").length },
    }]));
    expect(page.rows).toHaveLength(all.length);
    for (const r of page.rows) expect(r, r.id).toEqual(want.get(r.id));
    expect(page.rows.find((r) => r.id === all[2].id)?.syzbot).toMatchObject({ logXid: "abc123", bugExtid: "decf42d66dced481afc1", bugUrl: null });
    expect(page.rows.some((r) => r.error)).toBe(true);
    expect(page.rows.filter((r) => r.marks.wrong).length).toBe(2);
  });

  it("filters by developers' current marks", async () => {
    const wrong = await listBisections(db.prisma, parseListParams({ mark: "wrong" }));
    expect(wrong.rows.map((r) => r.id).sort()).toEqual(all.filter((r) => r.marks.includes("wrong")).map((r) => r.id).sort());
    expect(wrong.rows).toHaveLength(2);
    expect((await listBisections(db.prisma, parseListParams({ mark: "right" }))).rows).toEqual([]);
  });

  it("counts type, outcome and verdict filters exactly from the tally, kept by inserts and deletes", async () => {
    const p = parseListParams({ per: "25" });
    expect((await listBisections(db.prisma, p)).total).toBe(all.length);
    const clean = parseListParams({ verdict: "clean", type: "cause", per: "25" });
    expect((await listBisections(db.prisma, clean)).total).toBe(expected(clean).length);
    const victim = expected(clean)[0];
    await db.prisma.bisection.delete({ where: { id: victim.id } });
    try {
      expect((await listBisections(db.prisma, p)).total).toBe(all.length - 1);
      expect((await listBisections(db.prisma, clean)).total).toBe(expected(clean).length - 1);
      await db.prisma.$executeRawUnsafe(`UPDATE bisection SET verdict = 'doubtful' WHERE verdict = 'clean' AND type = 'cause'`);
      expect((await listBisections(db.prisma, clean)).total).toBe(0);
      expect((await listBisections(db.prisma, p)).total).toBe(all.length - 1);
    } finally {
      await db.prisma.$executeRawUnsafe(`UPDATE bisection SET verdict = 'clean' WHERE id = ANY($1::text[])`, expected(clean).map((r) => r.id));
    }
  });
});
