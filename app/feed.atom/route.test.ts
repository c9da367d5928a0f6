// The feed stays well-formed XML for any stored title (control characters included), checked
// by a real XML parser, and refuses parameters PostgreSQL cannot take with 400, not 500.
import { readdirSync, readFileSync } from "node:fs";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ingestLog } from "@/lib/ingest";
import { encodeCursor } from "@/lib/validations/list";

/** The entries' titles, read by saxes, a conforming XML 1.0 parser: it throws on anything
 *  not well-formed, characters XML forbids included. */
function entryTitles(xml: string): string[] {
  const parser = new SaxesParser();
  const path: string[] = [];
  const titles: string[] = [];
  parser.on("opentag", (t) => {
    path.push(t.name);
    if (path.join("/") === "feed/entry/title") titles.push("");
  });
  parser.on("closetag", () => void path.pop());
  parser.on("text", (t) => {
    if (path.join("/") === "feed/entry/title") titles[titles.length - 1] += t;
  });
  parser.write(xml).close();
  return titles;
}

let db: TestDatabase;
let GET: (req: Request) => Promise<Response>;

// the fixture, its crash titles spiked with C0 controls (ESC colour codes, BEL, form feed)
const SPIKED = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8")
  .replaceAll("WARNING in kvm_wait", "WARNING in kvm\u0001wait \u001b[31mred\u001b[0m\u0007")
  .replaceAll("refcount bug in sk_psock_get", "refcount\u000c bug in sk_psock_get\u0008");

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  ({ GET } = await import("./route"));
  await ingestLog(db.prisma, SPIKED);
});
afterAll(async () => {
  await db.drop();
});

describe("/feed.atom", () => {
  it("is valid XML when a stored crash title holds control characters", async () => {
    // stored for display with each control character replaced (lib/ingest/display-safe.ts)
    const stored = await db.prisma.crashSignature.findMany({ select: { title: true } });
    expect(stored.map((s) => s.title)).toContain("WARNING in kvm\ufffdwait \ufffd[31mred\ufffd[0m\ufffd");
    expect(stored.some((s) => /[\u0000-\u0008\u000b-\u001f]/.test(s.title))).toBe(false);
    const res = await GET(new Request("http://localhost:3000/feed.atom"));
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(entryTitles(xml)).toEqual(["culprit 997acaf6b4b5: WARNING in kvm\ufffdwait \ufffd[31mred\ufffd[0m\ufffd"]);
  });

  it("answers 400 for NUL and over-long filters", async () => {
    for (const qs of ["q=%00", "path=%00", `q=${"y".repeat(5000)}`]) {
      const res = await GET(new Request(`http://localhost:3000/feed.atom?${qs}`));
      expect(res.status).toBe(400);
      expect(await res.text()).toMatch(/^bad feed filter: (q|path): must/);
    }
  });

  it("honours per, and links under the name the client used", async () => {
    // more bisections: the golden logs (the not-a-log samples among them are refused)
    for (const dir of ["lib/parser/testdata/corpus", "lib/parser/testdata/synthetic"]) {
      for (const f of readdirSync(dir).filter((f) => f.endsWith(".txt"))) await ingestLog(db.prisma, readFileSync(`${dir}/${f}`, "utf8")).catch(() => null);
    }
    const total = await db.prisma.bisection.count();
    expect(total).toBeGreaterThan(25);
    const some = await (await GET(new Request("http://localhost:3000/feed.atom?per=25", { headers: { host: "bisect.lan:8080" } }))).text();
    expect(some.match(/<entry>/g)).toHaveLength(25);
    expect(some).toContain('href="http://bisect.lan:8080/b/');
    expect(some).not.toContain("localhost:3000");
    const all = await (await GET(new Request("http://localhost:3000/feed.atom"))).text();
    expect(all.match(/<entry>/g)).toHaveLength(Math.min(total, 50));
    // a list URL with its paging cursor still subscribes to the newest
    const newest = (some.match(/<entry>[\s\S]*?<\/entry>/) ?? [""])[0];
    const cursor = encodeCursor({ key: null, at: new Date(0).toISOString(), id: "0" });
    const paged = await (await GET(new Request(`http://localhost:3000/feed.atom?per=25&after=${cursor}`, { headers: { host: "bisect.lan:8080" } }))).text();
    expect(paged.match(/<entry>/g)).toHaveLength(25);
    expect(paged).toContain(newest);
  });
});
