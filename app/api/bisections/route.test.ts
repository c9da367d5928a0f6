// The upload API's handlers against a real PostgreSQL: every body form, status codes, and
// nothing stored on errors. (Playwright drives the same routes over HTTP.)
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { PEER_HEADER } from "@/lib/server/auth";

const FIXTURE = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");

let db: TestDatabase;
let POST: (req: Request) => Promise<Response>;
let GET_LIST: (req: Request) => Promise<Response>;
let GET_ONE: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  const route = await import("./route");
  // as scripts/serve.ts marks a request from this machine (no upload token is set here)
  POST = (req) => {
    req.headers.set(PEER_HEADER, "127.0.0.1");
    return route.POST(req);
  };
  GET_LIST = route.GET;
  ({ GET: GET_ONE } = await import("./[id]/route"));
});
afterAll(async () => {
  await db.drop();
});

const url = "http://localhost:3000/api/bisections";

describe("POST /api/bisections", () => {
  let id = "";
  it("takes text/plain and answers 201 with the permalink", async () => {
    const res = await POST(new Request(url, { method: "POST", headers: { "content-type": "text/plain" }, body: FIXTURE }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.duplicate).toBe(false);
    expect(body.url).toBe(`http://localhost:3000/b/${body.id}`);
    id = body.id;
  });

  it("takes multipart with a `log` field (curl -F log=@file) and answers 200 for a known log", async () => {
    const form = new FormData();
    form.set("log", new Blob([FIXTURE], { type: "text/plain" }), "bisect.txt");
    const res = await POST(new Request(url, { method: "POST", body: form }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id, duplicate: true });
  });

  it("takes JSON {log}", async () => {
    const res = await POST(
      new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ log: FIXTURE }) }),
    );
    expect(res.status).toBe(200);
    expect((await res.json()).id).toBe(id);
  });

  it("answers 400 with the reason for text that is not a bisection log, and stores nothing", async () => {
    const before = await db.prisma.bisection.count();
    const res = await POST(new Request(url, { method: "POST", headers: { "content-type": "text/plain" }, body: "hello world\n" }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toMatch(/bisection log/);
    expect(await db.prisma.bisection.count()).toBe(before);
  });

  it("answers 400 for a multipart body without `log` and for JSON without `log`", async () => {
    const form = new FormData();
    form.set("file", "x");
    expect((await POST(new Request(url, { method: "POST", body: form }))).status).toBe(400);
    const res = await POST(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/log/);
  });

  it("answers 413 when Content-Length is over the limit", async () => {
    const res = await POST(
      new Request(url, { method: "POST", headers: { "content-type": "text/plain", "content-length": String(50 << 20) }, body: "x" }),
    );
    expect(res.status).toBe(413);
  });

  it("GET /api/bisections/<id> returns the stored bisection; unknown ids 404, malformed 400", async () => {
    const res = await GET_ONE(new Request(`${url}/${id}`), { params: Promise.resolve({ id }) });
    expect(res.status).toBe(200);
    const b = await res.json();
    expect(b.foundCommit.hash).toBe("997acaf6b4b59c6a9c259740312a69ea549cc684");
    expect(b.steps).toHaveLength(15);
    expect(b.verdict).toBe("likely-wrong");
    expect((await GET_ONE(new Request(`${url}/000000000000`), { params: Promise.resolve({ id: "000000000000" }) })).status).toBe(404);
    expect((await GET_ONE(new Request(`${url}/nope`), { params: Promise.resolve({ id: "nope" }) })).status).toBe(400);
  });

  it("GET /api/bisections lists with filters", async () => {
    const all = await (await GET_LIST(new Request(url))).json();
    expect(all.total).toBe(1);
    expect(all.rows[0]).toMatchObject({ id, crashTitle: "WARNING in kvm_wait", commitsTested: 15 });
    const none = await (await GET_LIST(new Request(`${url}?path=drivers/`))).json();
    expect(none.total).toBe(0);
    const some = await (await GET_LIST(new Request(`${url}?path=kernel/locking/&q=kvm_wait`))).json();
    expect(some.total).toBe(1);
    // LIKE's wildcards are taken literally
    expect((await (await GET_LIST(new Request(`${url}?q=%25`))).json()).total).toBe(0);
    expect((await (await GET_LIST(new Request(`${url}?q=kvm%5Fwait`))).json()).total).toBe(1);
    expect((await (await GET_LIST(new Request(`${url}?q=kvm_wai_`))).json()).total).toBe(0);
    expect((await (await GET_LIST(new Request(`${url}?path=_ernel/`))).json()).total).toBe(0);
  });

  it("GET /api/bisections refuses a mistyped filter instead of listing everything", async () => {
    const res = await GET_LIST(new Request(`${url}?outcome=nope`));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^outcome: .*"nope"/);
  });

  it("says what is wrong with a malformed JSON body, and 415 for an unsupported type", async () => {
    const bad = await POST(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{log:" }));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/not valid JSON/);
    const xml = await POST(new Request(url, { method: "POST", headers: { "content-type": "application/xml" }, body: "<log/>" }));
    expect(xml.status).toBe(415);
    expect((await xml.json()).error).toMatch(/text\/plain, multipart\/form-data/);
  });
});
