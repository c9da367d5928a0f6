// Developers' marks through their route handlers against a real PostgreSQL: named write
// tokens, validation, history (never overwritten), the list filter, /c/<hash>'s count, labels.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ingestLog } from "@/lib/ingest";
import { attachSyzbotIdentity } from "@/lib/ingest/syzbot-identity";
import { CORPUS } from "@/lib/testing/fake-syzbot";

let db: TestDatabase;
let POST_MARK: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
let GET_MARKS: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
let GET_LABELS: () => Promise<Response>;
let GET_LIST: (req: Request) => Promise<Response>;
let marksOnCommit: typeof import("@/lib/data/marks").marksOnCommit;
let id = "";
let found = "";
let other = "";

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  process.env.BISECTVIEW_UPLOAD_TOKEN = "alice:tok1,bob:tok2,carol:tok3";
  ({ POST: POST_MARK, GET: GET_MARKS } = await import("@/app/api/bisections/[id]/marks/route"));
  ({ GET: GET_LABELS } = await import("@/app/api/labels/route"));
  ({ GET: GET_LIST } = await import("@/app/api/bisections/route"));
  ({ marksOnCommit } = await import("@/lib/data/marks"));
  id = (await ingestLog(db.prisma, readFileSync(`${CORPUS}/Log_10073cd0700000.txt`, "utf8"))).id;
  await attachSyzbotIdentity(db.prisma, id, { logXid: "10073cd0700000", bugTitle: "WARNING in sk_destruct" });
  other = (await ingestLog(db.prisma, readFileSync(`${CORPUS}/Log_1009a9f2d00000.txt`, "utf8"))).id;
  found = (await db.prisma.bisection.findUniqueOrThrow({ where: { id }, select: { foundCommitHash: true } })).foundCommitHash!;
});
afterAll(async () => {
  delete process.env.BISECTVIEW_UPLOAD_TOKEN;
  await db.drop();
});

const ctx = (bid: string) => ({ params: Promise.resolve({ id: bid }) });
const mark = (body: unknown, token: string | null, bid = id) =>
  POST_MARK(
    new Request(`http://localhost:3000/api/bisections/${bid}/marks`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
    ctx(bid),
  );

describe("POST /api/bisections/<id>/marks", () => {
  it("needs a write token (401 without, 403 for an unknown one) and stores nothing", async () => {
    expect((await mark({ verdict: "wrong" }, null)).status).toBe(401);
    const res = await mark({ verdict: "wrong" }, "nope");
    expect(res.status).toBe(403);
    expect(await db.prisma.developerMark.count()).toBe(0);
  });

  it("refuses a bad mark with the reason", async () => {
    const cases: [unknown, RegExp][] = [
      [{ verdict: "maybe" }, /verdict must be "right", "wrong" or "culprit"/],
      [{ verdict: "culprit" }, /culprit: verdict "culprit" needs the real culprit's hash/],
      [{ verdict: "culprit", culprit: "xyz" }, /culprit: the real culprit is a commit hash/],
      [{ verdict: "right", culprit: "79074a72d335" }, /a "right" mark names no other culprit/],
      [{ verdict: "wrong", lore: "https://evil.example/" }, /lore: the lore link must start with https:\/\/lore\.kernel\.org\//],
    ];
    for (const [body, msg] of cases) {
      const res = await mark(body, "tok1");
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(msg);
    }
    // the real culprit named is the commit the bisection found, in full or by a prefix of it
    for (const culprit of [found, found.slice(0, 12).toUpperCase()]) {
      const res = await mark({ verdict: "culprit", culprit }, "tok1");
      expect(res.status).toBe(400);
      expect((await res.json()).error).toBe(`culprit: ${culprit.toLowerCase()} is the commit this bisection found; mark it "right" if it is the culprit, or name the commit that is`);
    }
    expect((await mark({ verdict: "wrong" }, "tok1", "ffffffffffff")).status).toBe(404);
    expect(await db.prisma.developerMark.count()).toBe(0);
  });

  it("refuses control characters in the note or lore with a 400 naming the field (PostgreSQL refuses NUL: 22021), stores nothing", async () => {
    const cases: [unknown, RegExp][] = [
      [{ verdict: "wrong", note: "a\u0000b" }, /^note: the note must not contain control characters/],
      [{ verdict: "wrong", note: "esc \u001b[31m red" }, /^note: the note must not contain control characters/],
      [{ verdict: "wrong", note: "del \u007f" }, /^note: /],
      [{ verdict: "wrong", lore: "https://lore.kernel.org/all/a\u0000b/" }, /^lore: the lore link must not contain control characters/],
      [{ verdict: "wrong", lore: "https://lore.kernel.org/all/a\nb/" }, /^lore: the lore link must not contain control characters/],
    ];
    for (const [body, msg] of cases) {
      const res = await mark(body, "tok1");
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatch(msg);
    }
    // a form body carries the same note
    const form = await POST_MARK(
      new Request(`http://localhost:3000/api/bisections/${id}/marks`, {
        method: "POST",
        headers: { authorization: "Bearer tok1", "content-type": "application/x-www-form-urlencoded" },
        body: "verdict=wrong&note=a%00b",
      }),
      ctx(id),
    );
    expect(form.status).toBe(400);
    expect((await form.json()).error).toMatch(/^note: /);
    expect(await db.prisma.developerMark.count()).toBe(0);
  });

  it("stores a mark under the token's name; a second mark by the same developer is new history", async () => {
    const first = await mark({ verdict: "right", note: "looks fine" }, "tok1");
    expect(first.status).toBe(201);
    expect((await first.json()).mark).toMatchObject({ who: "alice", verdict: "right", supersedes: null });
    const second = await mark({ verdict: "culprit", culprit: "79074A72D335DBD021A716D8CC65CBA3B2F706AB", note: "the fix's Fixes: tag", lore: "https://lore.kernel.org/all/abc@x/" }, "tok1");
    const body = await second.json();
    expect(body.mark).toMatchObject({ who: "alice", verdict: "wrong", realCulprit: "79074a72d335dbd021a716d8cc65cba3b2f706ab", loreLink: "https://lore.kernel.org/all/abc@x/" });
    expect(body.marks.history.map((m: { verdict: string; superseded: boolean }) => [m.verdict, m.superseded])).toEqual([
      ["right", true],
      ["wrong", false],
    ]);
    expect(body.marks).toMatchObject({ right: 0, wrong: 1, culprits: [{ hash: "79074a72d335dbd021a716d8cc65cba3b2f706ab", by: 1 }] });
    expect(await db.prisma.developerMark.count()).toBe(2);
  });

  it("counts developers once each: 3 developers marked this culprit wrong", async () => {
    expect((await mark({ verdict: "wrong" }, "tok2")).status).toBe(201);
    expect((await mark({ verdict: "wrong", note: "second thoughts, still wrong" }, "tok2")).status).toBe(201);
    expect((await mark({ verdict: "wrong" }, "tok3")).status).toBe(201);
    const m = await marksOnCommit(db.prisma, found);
    expect(m).toMatchObject({ wrong: 3, right: 0, bisections: 1 });
    const named = await marksOnCommit(db.prisma, "79074a72d335dbd021a716d8cc65cba3b2f706ab");
    expect(named.namedRealCulprit).toEqual([{ bisectionId: id, who: "alice" }]);
    const list = await (await GET_MARKS(new Request("http://x"), ctx(id))).json();
    expect(list.history).toHaveLength(5);
  });

  it("takes a form body too (curl -F / urlencoded)", async () => {
    const res = await POST_MARK(
      new Request(`http://localhost:3000/api/bisections/${other}/marks`, {
        method: "POST",
        headers: { authorization: "Bearer tok2", "content-type": "application/x-www-form-urlencoded" },
        body: "verdict=right&note=ok",
      }),
      ctx(other),
    );
    expect(res.status).toBe(201);
  });
});

describe("the marks body's size", () => {
  const chunked = (chunks: Uint8Array[], pulls: { n: number }) =>
    new ReadableStream<Uint8Array>({
      pull(c) {
        const next = chunks[pulls.n++];
        if (next) c.enqueue(next);
        else c.close();
      },
    });
  const post = (body: BodyInit, type = "application/json") =>
    POST_MARK(
      new Request(`http://localhost:3000/api/bisections/${other}/marks`, { method: "POST", headers: { authorization: "Bearer tok3", "content-type": type }, body, duplex: "half" } as RequestInit),
      ctx(other),
    );

  it("stops reading a chunked body without Content-Length past 64 KiB: 413 with the reason, the rest never pulled, nothing stored", async () => {
    const before = await db.prisma.developerMark.count();
    const start = new TextEncoder().encode('{"verdict": "wrong", "note": "');
    const filler = new Uint8Array(16 * 1024).fill(0x61);
    for (const type of ["application/json", "application/x-www-form-urlencoded"]) {
      const pulls = { n: 0 };
      const res = await post(chunked([start, ...Array.from({ length: 6400 }, () => filler)], pulls), type);
      expect(res.status, type).toBe(413);
      expect((await res.json()).error).toMatch(/^the body is over 65536 bytes; a mark is at most 64 KiB/);
      // 100 MiB offered, about 64 KiB read (a few chunks of read-ahead)
      expect(pulls.n, type).toBeLessThan(12);
    }
    // a declared length over the cap is refused before reading
    const declared = await POST_MARK(
      new Request(`http://localhost:3000/api/bisections/${other}/marks`, {
        method: "POST",
        headers: { authorization: "Bearer tok3", "content-type": "application/json", "content-length": "70000" },
        body: JSON.stringify({ verdict: "wrong", note: "x".repeat(69_960) }),
      }),
      ctx(other),
    );
    expect(declared.status).toBe(413);
    expect(await db.prisma.developerMark.count()).toBe(before);
  });

  it("takes a chunked body under the cap, JSON or form", async () => {
    const enc = new TextEncoder();
    const json = await post(chunked([enc.encode('{"verdict": "wrong", '), enc.encode('"note": "sent in two chunks"}')], { n: 0 }));
    expect(json.status).toBe(201);
    expect((await json.json()).mark).toMatchObject({ who: "carol", note: "sent in two chunks" });
    const form = await post(chunked([enc.encode("verdict=right&no"), enc.encode("te=ok")], { n: 0 }), "application/x-www-form-urlencoded");
    expect(form.status).toBe(201);
    expect((await form.json()).mark).toMatchObject({ who: "carol", verdict: "right", note: "ok" });
  });
});

describe("marks elsewhere", () => {
  it("filter the list: ?mark=wrong, right, marked, unmarked (a typo is a 400)", async () => {
    const ids = async (q: string) => (await (await GET_LIST(new Request(`http://x/api/bisections?${q}`))).json()).rows.map((r: { id: string }) => r.id);
    expect(await ids("mark=wrong")).toEqual([id]);
    expect(await ids("mark=right")).toEqual([other]);
    expect((await ids("mark=marked")).sort()).toEqual([id, other].sort());
    expect(await ids("mark=unmarked")).toEqual([]);
    expect((await GET_LIST(new Request("http://x/api/bisections?mark=nope"))).status).toBe(400);
    const row = (await (await GET_LIST(new Request(`http://x/api/bisections?mark=wrong`))).json()).rows[0];
    expect(row.marks).toEqual({ right: 0, wrong: 3 });
    expect(row.syzbot.logXid).toBe("10073cd0700000");
  });

  it("GET /api/labels exports them in the shape of labels.json", async () => {
    const labels = await (await GET_LABELS()).json();
    expect(labels["Log_10073cd0700000"]).toEqual({
      correct: false,
      groundTruth: "79074a72d335dbd021a716d8cc65cba3b2f706ab",
      inconclusive: [],
      syzbotResult: found,
      title: "WARNING in sk_destruct",
      id,
      marks: 3,
    });
    expect(labels[other]).toMatchObject({ correct: true, id: other });
    // the corpus's own label for this log agrees with what the developers said
    const corpus = JSON.parse(readFileSync(`${CORPUS}/../labels.json`, "utf8"))["Log_10073cd0700000"];
    expect(Object.keys(labels["Log_10073cd0700000"])).toEqual(expect.arrayContaining(Object.keys(corpus)));
    expect(corpus.groundTruth).toBe(labels["Log_10073cd0700000"].groundTruth);
  });
});
