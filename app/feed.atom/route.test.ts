// The feed stays well-formed XML for any stored title (control characters included), checked
// by a real XML parser, and refuses parameters PostgreSQL cannot take with 400, not 500.
import { readFileSync } from "node:fs";
import { SaxesParser } from "saxes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ingestLog } from "@/lib/ingest";

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
    const stored = await db.prisma.crashSignature.findMany({ select: { title: true } });
    expect(stored.some((s) => s.title.includes("\u001b"))).toBe(true);
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
});
