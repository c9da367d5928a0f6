// Pasting syzbot links, against a real PostgreSQL and a local HTTP server that serves corpus
// logs at syzbot's URL shapes (lib/testing/fake-syzbot.ts), through the upload API's handler.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { CORPUS, FAKE, startFakeSyzbot, type FakeSyzbot } from "@/lib/testing/fake-syzbot";
import { PEER_HEADER } from "@/lib/server/auth";
import { MAX_LINK_TEXT, MAX_LOGS_PER_TEXT } from "./syzbot";

let db: TestDatabase;
let fake: FakeSyzbot;
let POST: (req: Request) => Promise<Response>;
let GET_ONE: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;

const BUG = { extid: "decf42d66dced481afc1", id: "cb1dbe55dc6daa7e739a0d09a0ae4d5e3e5a10c8", title: "WARNING in sk_destruct", xids: ["10073cd0700000"] };
const BUG2 = { extid: "0267d1c87b9ed4eb5def", id: "fc00fbc0cddd9a4ef2ae33e40cd21636081466ce", title: "KASAN: use-after-free Read in ath9k_hif_usb_rx_cb (2)", xids: ["100c9c16500000"] };

// a bug whose JSON links its .config off syzbot: that link must not reach the page
const BUG3 = { extid: "3333333333aaaaaaaaaa", id: "3".repeat(40), title: "bug 3", xids: ["1012ee8b900000"], configLink: "javascript:alert(1)" };

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  fake = await startFakeSyzbot([BUG, BUG2, BUG3]);
  const route = await import("@/app/api/bisections/route");
  // as scripts/serve.ts marks a request from this machine (no upload token is set here)
  POST = (req) => {
    req.headers.set(PEER_HEADER, "127.0.0.1");
    return route.POST(req);
  };
  ({ GET: GET_ONE } = await import("@/app/api/bisections/[id]/route"));
});
afterAll(async () => {
  await fake.close();
  await db.drop();
});
beforeEach(() => {
  process.env.BISECTVIEW_FETCH = "1";
  process.env.BISECTVIEW_SYZBOT_ORIGIN = fake.origin;
  delete process.env.BISECTVIEW_FETCH_TIMEOUT_MS;
  fake.requests.length = 0;
});

const api = "http://localhost:3000/api/bisections";
const postUrl = (url: string) => POST(new Request(api, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url }) }));
const getOne = async (id: string) => (await GET_ONE(new Request(`${api}/${id}`), { params: Promise.resolve({ id }) })).json();
const FIXTURE_SEED = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
const corpus = (xid: string) => readFileSync(path.join(CORPUS, `Log_${xid}.txt`), "utf8");

describe("fetching is off by default", () => {
  it("answers 403 with what to do, and asks syzbot nothing", async () => {
    delete process.env.BISECTVIEW_FETCH;
    const res = await postUrl("https://syzkaller.appspot.com/x/bisect.txt?x=10008d0e500000");
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/BISECTVIEW_FETCH=1/);
    expect(fake.requests).toEqual([]);
  });
});

describe("a /x/bisect.txt?x= link", () => {
  it("on syzbot's public host is fetched from the configured origin and stored with its id", async () => {
    const res = await postUrl("https://syzkaller.appspot.com/x/bisect.txt?x=10008d0e500000");
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(fake.requests).toEqual(["/x/bisect.txt?x=10008d0e500000"]);
    const b = await getOne(body.id);
    expect(b.syzbot.logXid).toBe("10008d0e500000");
    expect(b.syzbot.logUrl).toBe("https://syzkaller.appspot.com/x/bisect.txt?x=10008d0e500000");
  });

  it("to a log already stored answers its permalink without fetching, even with fetching off", async () => {
    delete process.env.BISECTVIEW_FETCH;
    const res = await postUrl(`${fake.origin}/x/bisect.txt?x=10008d0e500000`);
    expect(res.status).toBe(200);
    expect((await res.json()).duplicate).toBe(true);
    expect(fake.requests).toEqual([]);
  });

  it("follows a redirect within the origin", async () => {
    const res = await postUrl(`https://syzkaller.appspot.com/x/bisect.txt?x=${FAKE.sameXid}`);
    expect(res.status).toBe(200); // the redirect's target is the log stored above
    expect(fake.requests).toEqual([`/x/bisect.txt?x=${FAKE.sameXid}`, `/x/bisect.txt?x=${fake.sameTarget}`]);
  });
});

describe("a bug link", () => {
  it("/bug?extid= resolves through the bug's JSON and page to its bisection, with the bug's links", async () => {
    const res = await postUrl(`https://syzkaller.appspot.com/bug?extid=${BUG.extid}`);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(fake.requests).toEqual([`/bug?extid=${BUG.extid}&json=1`, `/bug?extid=${BUG.extid}`, "/x/bisect.txt?x=10073cd0700000"]);
    expect(body.bisections).toHaveLength(1);
    const b = await getOne(body.id);
    expect(b.syzbot).toMatchObject({
      logXid: "10073cd0700000",
      bugExtid: BUG.extid,
      bugId: BUG.id,
      bugTitle: BUG.title,
      bugUrl: `https://syzkaller.appspot.com/bug?extid=${BUG.extid}`, // as pasted
      configUrl: `${fake.origin}/text?tag=KernelConfig&x=3${BUG.extid.slice(0, 11)}`,
      cReproUrl: `${fake.origin}/text?tag=ReproC&x=2${BUG.extid.slice(0, 11)}`,
    });
  });

  it("/bug?extid= of a bug already stored answers without fetching", async () => {
    delete process.env.BISECTVIEW_FETCH;
    const res = await postUrl(`https://syzkaller.appspot.com/bug?extid=${BUG.extid}`);
    expect(res.status).toBe(200);
    expect(fake.requests).toEqual([]);
  });

  it("/bug?id= resolves the same way", async () => {
    const res = await postUrl(`https://syzkaller.appspot.com/bug?id=${BUG2.id}`);
    expect(res.status).toBe(201);
    expect(fake.requests[0]).toBe(`/bug?id=${BUG2.id}&json=1`);
    const b = await getOne((await res.json()).id);
    expect(b.syzbot).toMatchObject({ logXid: "100c9c16500000", bugId: BUG2.id, bugTitle: BUG2.title });
  });

  it("drops artifact links of the bug's JSON that lead off syzbot", async () => {
    const res = await postUrl(`https://syzkaller.appspot.com/bug?extid=${BUG3.extid}`);
    expect(res.status).toBe(201);
    const b = await getOne((await res.json()).id);
    expect(b.syzbot).toMatchObject({ logXid: "1012ee8b900000", configUrl: null, cReproUrl: `${fake.origin}/text?tag=ReproC&x=2${BUG3.extid.slice(0, 11)}` });
  });

  it("404 from syzbot for an unknown bug", async () => {
    const res = await postUrl("https://syzkaller.appspot.com/bug?extid=ffffffffffffffffffff");
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/syzbot has no bug extid=ffffffffffffffffffff at .*\(404\)/);
  });
});

const email = (xid: string, extid: string) => `syzbot has bisected this issue to:

bisection log:  https://syzkaller.appspot.com/x/bisect.txt?x=${xid}
start commit:   111111111111 kernel_commit_title1
console output: https://syzkaller.appspot.com/x/log.txt?x=12${xid.slice(2)}
kernel config:  https://syzkaller.appspot.com/x/.config?x=a989f27ebc47e2dc
dashboard link: https://syzkaller.appspot.com/bug?extid=${extid}
syz repro:      https://syzkaller.appspot.com/x/repro.syz?x=13${xid.slice(2)}
C reproducer:   https://syzkaller.appspot.com/x/repro.c?x=15${xid.slice(2)}

Reported-by: syzbot+${extid}@syzkaller.appspotmail.com
`;

describe("a pasted syzbot email", () => {
  it("imports the log its 'bisection log:' line names, with the email's artifact links", async () => {
    const res = await postUrl(email("1009a9f2d00000", "aaaabbbbccccddddeeee"));
    expect(res.status).toBe(201);
    expect(fake.requests).toEqual(["/x/bisect.txt?x=1009a9f2d00000"]);
    const b = await getOne((await res.json()).id);
    expect(b.syzbot).toMatchObject({
      logXid: "1009a9f2d00000",
      bugExtid: "aaaabbbbccccddddeeee",
      bugUrl: "https://syzkaller.appspot.com/bug?extid=aaaabbbbccccddddeeee",
      consoleUrl: "https://syzkaller.appspot.com/x/log.txt?x=1209a9f2d00000",
      configUrl: "https://syzkaller.appspot.com/x/.config?x=a989f27ebc47e2dc",
      syzReproUrl: "https://syzkaller.appspot.com/x/repro.syz?x=1309a9f2d00000",
      cReproUrl: "https://syzkaller.appspot.com/x/repro.c?x=1509a9f2d00000",
    });
  });

  it("pasted in the log box (text/plain) is taken as links too", async () => {
    delete process.env.BISECTVIEW_FETCH;
    const res = await POST(new Request(api, { method: "POST", headers: { "content-type": "text/plain" }, body: email("1009a9f2d00000", "aaaabbbbccccddddeeee") }));
    expect(res.status).toBe(200);
    expect(fake.requests).toEqual([]);
  });

  it("attaches its links to the log uploaded with it, without fetching", async () => {
    delete process.env.BISECTVIEW_FETCH;
    const form = new FormData();
    form.set("log", new Blob([corpus("100b11b0d00000")]), "bisect.txt");
    form.set("url", email("100b11b0d00000", "1111222233334444aaaa"));
    const res = await POST(new Request(api, { method: "POST", body: form }));
    expect(res.status).toBe(201);
    expect(fake.requests).toEqual([]);
    const b = await getOne((await res.json()).id);
    expect(b.syzbot).toMatchObject({ logXid: "100b11b0d00000", bugExtid: "1111222233334444aaaa", consoleUrl: "https://syzkaller.appspot.com/x/log.txt?x=120b11b0d00000" });
  });
});

describe("a log stored earlier with its syzbot id, uploaded again with another", () => {
  it("answers the id it is stored with, which it keeps", async () => {
    delete process.env.BISECTVIEW_FETCH;
    const first = new FormData();
    first.set("log", new Blob([corpus("10073cd0700000")]), "bisect.txt");
    first.set("url", "https://syzkaller.appspot.com/x/bisect.txt?x=10073cd0700000");
    const a = await POST(new Request(api, { method: "POST", body: first }));
    expect((await a.json()).bisections[0].xid).toBe("10073cd0700000");
    const again = new FormData();
    again.set("log", new Blob([corpus("10073cd0700000")]), "bisect.txt");
    again.set("url", "https://syzkaller.appspot.com/x/bisect.txt?x=aaaa");
    const b = await POST(new Request(api, { method: "POST", body: again }));
    expect(b.status).toBe(200);
    const body = await b.json();
    expect(body).toMatchObject({ duplicate: true, bisections: [{ xid: "10073cd0700000", duplicate: true }] });
    expect((await getOne(body.id)).syzbot).toMatchObject({ logXid: "10073cd0700000" });
  });
});

describe("a syzbot email sent as a file (curl -F url=@syzbot-email.txt, as the README shows)", () => {
  it("attaches the file's links to the log uploaded with it, without fetching", async () => {
    delete process.env.BISECTVIEW_FETCH;
    // curl -F log=@bisect.txt -F url=@syzbot-email.txt
    const form = new FormData();
    form.set("log", new Blob([corpus("120be99f880000")], { type: "text/plain" }), "bisect.txt");
    form.set("url", new Blob([email("120be99f880000", "5555666677778888bbbb")], { type: "text/plain" }), "syzbot-email.txt");
    const res = await POST(new Request(api, { method: "POST", body: form }));
    expect(res.status).toBe(201);
    expect(fake.requests).toEqual([]);
    const b = await getOne((await res.json()).id);
    expect(b.syzbot).toMatchObject({ logXid: "120be99f880000", bugExtid: "5555666677778888bbbb", consoleUrl: "https://syzkaller.appspot.com/x/log.txt?x=120be99f880000" });
  });

  it("alone, imports the log its 'bisection log:' line names", async () => {
    const form = new FormData();
    form.set("url", new Blob([email("1210a518480000", "9999aaaabbbbccccdddd")]), "syzbot-email.txt");
    const res = await POST(new Request(api, { method: "POST", body: form }));
    expect(res.status).toBe(201);
    expect(fake.requests).toEqual(["/x/bisect.txt?x=1210a518480000"]);
    expect((await getOne((await res.json()).id)).syzbot).toMatchObject({ logXid: "1210a518480000", bugExtid: "9999aaaabbbbccccdddd" });
  });

  it("refuses a field given twice (two `log`s, two `url`s) with a 400 naming it, and stores nothing", async () => {
    const n = await db.prisma.bisection.count();
    for (const field of ["log", "url"]) {
      const form = new FormData();
      form.append("log", new Blob([corpus("1009a9f2d00000")]), "a.txt");
      if (field === "log") form.append("log", new Blob([FIXTURE_SEED]), "b.txt");
      else {
        form.append("url", "https://syzkaller.appspot.com/x/bisect.txt?x=1009a9f2d00000");
        form.append("url", new Blob([email("1009a9f2d00000", "aaaabbbbccccddddeeee")]), "c.txt");
      }
      const res = await POST(new Request(api, { method: "POST", body: form }));
      expect(res.status, field).toBe(400);
      expect((await res.json()).error).toMatch(new RegExp(`^multipart upload: field \`${field}\` given twice`));
    }
    expect(await db.prisma.bisection.count()).toBe(n);
    expect(fake.requests).toEqual([]);
  });
});

describe("refusals", () => {
  const before = async () => (await db.prisma.bisection.count()) + (await db.prisma.syzbotLink.count()) * 1000;

  it("a link on another host is a 400 and nothing is fetched", async () => {
    const n = await before();
    const res = await postUrl("https://evil.example/x/bisect.txt?x=10073cd0700000");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/links on evil\.example are not read; only https:\/\/syzkaller\.appspot\.com and http:\/\/127\.0\.0\.1/);
    expect(fake.requests).toEqual([]);
    expect(await before()).toBe(n);
  });

  it("text linking more bisection logs than one request reads is a 400, and nothing is fetched", async () => {
    const n = await before();
    const links = Array.from({ length: MAX_LOGS_PER_TEXT + 1 }, (_, i) => `https://syzkaller.appspot.com/x/bisect.txt?x=${(0x10000 + i).toString(16)}`);
    const res = await postUrl(links.join("\n"));
    expect(res.status).toBe(400);
    expect((await res.json()).error).toBe(`the text links ${MAX_LOGS_PER_TEXT + 1} bisection logs; at most ${MAX_LOGS_PER_TEXT} are read from one text: paste fewer, or import them with \`npm run cli -- import-links\``);
    expect(fake.requests).toEqual([]);
    expect(await before()).toBe(n);
  });

  it("a link or email over 256 KiB beside a log is a 413 saying so, and nothing is stored or fetched", async () => {
    const n = await before();
    const form = new FormData();
    form.set("log", new Blob([corpus("100b11b0d00000")]), "bisect.txt");
    // 12,000 dashboard links (the hostile-input audit's stall): 672,000 characters
    const links = Array.from({ length: 12_000 }, (_, i) => `https://syzkaller.appspot.com/bug?extid=${i.toString(16).padStart(20, "0")}`).join("\n");
    form.set("url", links);
    const res = await POST(new Request(api, { method: "POST", body: form }));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toBe(
      // a form's text field travels with CRLF line breaks
      `the syzbot link or email is ${links.replaceAll("\n", "\r\n").length.toLocaleString("en")} characters; at most ${MAX_LINK_TEXT.toLocaleString("en")} are read (a syzbot email is a few thousand): paste the email or its links, or import many with \`npm run cli -- import-links\``,
    );
    expect(fake.requests).toEqual([]);
    expect(await before()).toBe(n);
  });

  it("the same 12,000 links as the log itself (text/plain) are no log and not read as links: a 400, nothing fetched", async () => {
    const n = await before();
    const links = Array.from({ length: 12_000 }, (_, i) => `https://syzkaller.appspot.com/bug?extid=${i.toString(16).padStart(20, "0")}`).join("\n");
    const res = await POST(new Request(api, { method: "POST", headers: { "content-type": "text/plain" }, body: links }));
    expect(res.status).toBe(400);
    expect(fake.requests).toEqual([]);
    expect(await before()).toBe(n);
  });

  it("text without a syzbot link is a 400", async () => {
    const res = await postUrl("https://lore.kernel.org/all/000000000000@google.com/");
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/none of the links is a syzbot link/);
  });

  it("a redirect to another host is not followed", async () => {
    const n = await before();
    const res = await postUrl(`https://syzkaller.appspot.com/x/bisect.txt?x=${FAKE.awayXid}`);
    expect(res.status).toBe(502);
    expect((await res.json()).error).toMatch(/redirected .* to http:\/\/203\.0\.113\.7\/x\/bisect\.txt\?x=a3a3, another host: not followed/);
    expect(fake.requests).toEqual([`/x/bisect.txt?x=${FAKE.awayXid}`]);
    expect(await before()).toBe(n);
  });

  it("a body over 10 MiB is cut off while streaming (413)", async () => {
    const res = await postUrl(`https://syzkaller.appspot.com/x/bisect.txt?x=${FAKE.bigXid}`);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/is more than 10485760 bytes \(10 MiB\), the limit; stopped reading/);
  });

  it("a declared Content-Length over 10 MiB is refused before reading (413)", async () => {
    const res = await postUrl(`https://syzkaller.appspot.com/x/bisect.txt?x=${FAKE.bigDeclaredXid}`);
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/is 11534336 bytes; the limit is 10485760 bytes/);
  });

  it("a server that stops sending runs into the time limit (504)", async () => {
    process.env.BISECTVIEW_FETCH_TIMEOUT_MS = "300";
    const res = await postUrl(`https://syzkaller.appspot.com/x/bisect.txt?x=${FAKE.slowXid}`);
    expect(res.status).toBe(504);
    expect((await res.json()).error).toMatch(/syzbot did not send all of .*x=5105 within 0\.3 s/);
  });

  it("a log syzbot does not have is a 404", async () => {
    const res = await postUrl("https://syzkaller.appspot.com/x/bisect.txt?x=fff0");
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatch(/syzbot has no bisection log x=fff0 at http:\/\/127\.0\.0\.1:\d+\/x\/bisect\.txt\?x=fff0 \(404\)/);
  });

  it("an unreachable origin is a 502", async () => {
    process.env.BISECTVIEW_SYZBOT_ORIGIN = "http://127.0.0.1:9";
    const res = await postUrl("https://syzkaller.appspot.com/x/bisect.txt?x=fff1");
    expect(res.status).toBe(502);
    expect((await res.json()).error).toMatch(/could not reach syzbot at http:\/\/127\.0\.0\.1:9/);
  });
});

describe("/x/<id>", () => {
  let GET_X: (req: Request, ctx: { params: Promise<{ id: string }> }) => Promise<Response>;
  beforeAll(async () => {
    ({ GET: GET_X } = await import("@/app/x/[id]/route"));
  });
  const x = (id: string, q = "") => GET_X(new Request(`http://localhost:3000/x/${id}${q}`), { params: Promise.resolve({ id }) });

  it("redirects a known syzbot log id to its permalink, in both shapes", async () => {
    const known = await db.prisma.syzbotLink.findUniqueOrThrow({ where: { logXid: "10008d0e500000" }, select: { bisectionId: true } });
    for (const res of [await x("10008d0e500000"), await x("bisect.txt", "?x=10008d0e500000")]) {
      expect(res.status).toBe(308);
      expect(res.headers.get("location")).toBe(`http://localhost:3000/b/${known.bisectionId}`);
    }
  });

  it("404s an unknown id with what to do, 400s a non-id", async () => {
    const res = await x("abcdef");
    expect(res.status).toBe(404);
    expect(await res.text()).toMatch(/paste https:\/\/syzkaller\.appspot\.com\/x\/bisect\.txt\?x=abcdef at \/upload/);
    expect((await x("nothex!")).status).toBe(400);
  });
});
