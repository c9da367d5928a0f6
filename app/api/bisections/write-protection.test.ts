// Issue 16's write defects at the upload route, against a real PostgreSQL: anonymous and
// cross-site writes, the token rule, the rate limit, chunked bodies past the cap, and list
// parameters PostgreSQL cannot take (NUL) answered 400 instead of 500.
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { PEER_HEADER } from "@/lib/server/auth";
import { MAX_BODY_BYTES } from "@/lib/upload-body";

const FIXTURE = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
const url = "http://localhost:3000/api/bisections";

let db: TestDatabase;
let POST: (req: Request) => Promise<Response>;
let GET: (req: Request) => Promise<Response>;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  ({ POST, GET } = await import("./route"));
});
afterAll(async () => {
  await db.drop();
});
afterEach(() => {
  delete process.env.BISECTVIEW_UPLOAD_TOKEN;
  delete process.env.BISECTVIEW_WRITE_RATE;
});

const upload = (headers: Record<string, string>, body: BodyInit = FIXTURE) =>
  POST(new Request(url, { method: "POST", headers: { "content-type": "text/plain", host: "localhost:3000", ...headers }, body }));
const stored = () => db.prisma.bisection.count();

describe("who may write", () => {
  it("refuses an upload from another machine when no token is set: 403 with what to do, nothing stored", async () => {
    const res = await upload({ [PEER_HEADER]: "192.0.2.10" });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/only from its own machine.*BISECTVIEW_UPLOAD_TOKEN/);
    // a client cannot claim to be local
    expect((await upload({ [PEER_HEADER]: "192.0.2.10", "x-forwarded-for": "127.0.0.1" })).status).toBe(403);
    expect(await stored()).toBe(0);
  });

  it("refuses a cross-origin text/plain POST, as any web page can send one to a local server", async () => {
    const res = await upload({ [PEER_HEADER]: "127.0.0.1", origin: "https://attacker.example", "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/cross-site write refused/);
    expect(await stored()).toBe(0);
  });

  it("with BISECTVIEW_UPLOAD_TOKEN: 401 without a token, 403 for a wrong one, 201 with Bearer", async () => {
    process.env.BISECTVIEW_UPLOAD_TOKEN = "alice:s3cret-alice,s3cret-bare";
    const none = await upload({ [PEER_HEADER]: "127.0.0.1" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await none.json()).error).toMatch(/Authorization: Bearer <token>/);
    expect((await upload({ [PEER_HEADER]: "198.51.100.1", authorization: "Bearer s3cret-bob" })).status).toBe(403);
    expect(await stored()).toBe(0);
    const ok = await upload({ [PEER_HEADER]: "198.51.100.1", authorization: "Bearer s3cret-alice" });
    expect(ok.status).toBe(201);
    expect(await stored()).toBe(1);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past BISECTVIEW_WRITE_RATE; duplicates count too", async () => {
    process.env.BISECTVIEW_WRITE_RATE = "3/hour";
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await upload({ [PEER_HEADER]: "127.0.0.2" })).status);
    expect(statuses.slice(0, 3).every((s) => s === 200 || s === 201)).toBe(true);
    expect(statuses[3]).toBe(429);
    const res = await upload({ [PEER_HEADER]: "127.0.0.2" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await res.json()).error).toMatch(/too many uploads: this server takes 3 per 3600 s/);
    // another client is not held back
    expect((await upload({ [PEER_HEADER]: "127.0.0.3" })).status).toBe(200);
  });
});

describe("body size while streaming", () => {
  it("stops reading a chunked body without Content-Length past the cap: 413, the rest never pulled", async () => {
    const chunk = new Uint8Array(1 << 20).fill(0x61);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        if (pulled > 300) c.close();
        else c.enqueue(chunk);
      },
    });
    const req = new Request(url, { method: "POST", headers: { "content-type": "text/plain", [PEER_HEADER]: "127.0.0.4" }, body, duplex: "half" } as RequestInit);
    expect(req.headers.get("content-length")).toBeNull();
    const res = await POST(req);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/request body is over \d+ bytes; a log may be at most 10485760 bytes/);
    // 300 MiB offered, about the cap read (a few chunks of read-ahead)
    expect(pulled * chunk.byteLength).toBeLessThan(MAX_BODY_BYTES + 8 * chunk.byteLength);
  });
});

describe("list parameters PostgreSQL cannot take", () => {
  it("answers 400 with the parameter for NUL, control characters, huge values and wrong types", async () => {
    for (const [qs, re] of [
      ["q=%00", /^q: must not contain control characters/],
      ["path=kernel%00", /^path: must not contain control characters/],
      ["q=a%1bb", /^q: must not contain control characters/],
      [`q=${"x".repeat(100_000)}`, /^q: must be at most 200 characters \(got "x{50,}\.\.\. \(100000 characters\)\)$/],
      [`q=${"a".repeat(201)}`, /^q: must be at most 200 characters \(got "a{59}\.\.\. \(201 characters\)\)$/],
      ["page=abc", /^page: must be a whole number \(got "abc"\)$/],
      ["page=0x10", /^page: must be a whole number/],
      ["verdict=clean&verdict=doubtful", /^verdict: given more than once; give it once$/],
      ["verdcit=clean", /^"verdcit": not a parameter of the list/],
      ["page=1e400", /^page: /],
      ["per=%00", /^per: /],
    ] as const) {
      const res = await GET(new Request(`${url}?${qs}`));
      expect(res.status, qs.slice(0, 40)).toBe(400);
      expect((await res.json()).error, qs.slice(0, 40)).toMatch(re);
    }
  });
});

describe("list cursors PostgreSQL cannot take", () => {
  const cursor = (t: unknown) => Buffer.from(JSON.stringify(t)).toString("base64url");
  it("answers 400 with the reason for a well-formed cursor whose time, count or key the database cannot compare", async () => {
    // the list needs rows for a keyed walk to reach the cast: store one log first
    expect([200, 201]).toContain((await upload({ [PEER_HEADER]: "127.0.0.5" })).status);
    for (const [qs, re] of [
      // PostgreSQL has no year 0 (22008)
      [`after=${cursor([null, "0000-01-01T00:00:00Z", "abc"])}`, /^after: is not a position this list gave: its upload time "0000-01-01T00:00:00Z" is outside the years 1 to 9999/],
      [`sort=ran&before=${cursor(["0000-06-01T00:00:00Z", "2024-01-01T00:00:00Z", "abc"])}`, /^before: is not a position this list gave: its start time "0000-06-01T00:00:00Z" is outside the years 1 to 9999/],
      // past int4 (22003)
      [`sort=tested&after=${cursor([9007199254740991, "2024-01-01T00:00:00Z", "abc"])}`, /^after: is not a position this list gave: its count 9007199254740991 is not a number of commits tested/],
      [`sort=tested&after=${cursor([2147483648, "2024-01-01T00:00:00Z", "abc"])}`, /^after: .*its count 2147483648 is not/],
      // NUL in text (22021)
      [`sort=title&after=${cursor(["a\u0000b", "2024-01-01T00:00:00Z", "abc"])}`, /^after: is not a position this list gave: its sort key holds control characters/],
      [`sort=title&after=${cursor(["x".repeat(4097), "2024-01-01T00:00:00Z", "abc"])}`, /^after: is not a position this list gave: its sort key is longer than 4096 characters/],
    ] as const) {
      const res = await GET(new Request(`${url}?${qs}`));
      expect(res.status, qs.slice(0, 60)).toBe(400);
      expect((await res.json()).error, qs.slice(0, 60)).toMatch(re);
    }
    // the limits themselves still page
    for (const qs of [
      `after=${cursor([null, "0001-01-01T00:00:00Z", "abc"])}`,
      `after=${cursor([null, "9999-12-31T23:59:59.999Z", "abc"])}`,
      `sort=tested&after=${cursor([2147483647, "2024-01-01T00:00:00Z", "abc"])}`,
      `sort=title&after=${cursor(["x\ty".repeat(1024), "2024-01-01T00:00:00Z", "abc"])}`,
    ]) {
      const res = await GET(new Request(`${url}?${qs}`));
      expect(res.status, qs.slice(0, 60)).toBe(200);
    }
  });
});
