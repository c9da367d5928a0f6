// `cli import` (ids from Log_<x>.txt), `cli import-links` and `cli sync` as a user runs them,
// against a real PostgreSQL and a local stand-in for syzbot serving corpus logs.
import { execFile } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { CORPUS, startFakeSyzbot, type FakeSyzbot } from "@/lib/testing/fake-syzbot";

const run = promisify(execFile);
let db: TestDatabase;
let fake: FakeSyzbot;
let dir: string;

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ["scripts/cli.mjs", ...args], {
      env: { ...process.env, DATABASE_URL: db.url, BISECTVIEW_SYZBOT_ORIGIN: fake.origin, BISECTVIEW_FETCH: "" },
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const bug = (n: number, xids: string[], list: "open" | "fixed" = "open") => ({
  extid: `${n}`.repeat(20).slice(0, 20),
  id: `${n}`.repeat(40).slice(0, 40),
  title: `bug ${n}`,
  xids,
  list,
});

beforeAll(async () => {
  db = await createTestDatabase();
  fake = await startFakeSyzbot([bug(1, ["10073cd0700000"]), bug(2, ["100c9c16500000"], "fixed"), bug(3, [])]);
  dir = mkdtempSync(path.join(os.tmpdir(), "bisectview-syzbot-"));
});
afterAll(async () => {
  await fake.close();
  await db.drop();
});

describe("cli import", () => {
  it("reads the syzbot log id from Log_<x>.txt names, so the corpus links back", async () => {
    const sub = mkdtempSync(path.join(dir, "corpus-"));
    copyFileSync(path.join(CORPUS, "Log_10008d0e500000.txt"), path.join(sub, "Log_10008d0e500000.txt"));
    const r = await cli(["import", sub]);
    expect(r.stdout).toMatch(/imported: 1, duplicates: 0, rejected: 0/);
    const link = await db.prisma.syzbotLink.findFirst({ select: { logXid: true, logUrl: true } });
    expect(link).toEqual({ logXid: "10008d0e500000", logUrl: "https://syzkaller.appspot.com/x/bisect.txt?x=10008d0e500000" });
  });
});

describe("cli import-links", () => {
  it("imports each line with progress and a summary, refuses what it must, and is safe to re-run", async () => {
    const file = path.join(dir, "links.txt");
    writeFileSync(
      file,
      [
        "# comments and blank lines are skipped",
        "https://syzkaller.appspot.com/x/bisect.txt?x=1009a9f2d00000",
        "",
        "https://syzkaller.appspot.com/bug?extid=11111111111111111111",
        "https://evil.example/x/bisect.txt?x=100b11b0d00000",
        "https://syzkaller.appspot.com/x/bisect.txt?x=10008d0e500000",
      ].join("\n"),
    );
    fake.requests.length = 0;
    const first = await cli(["import-links", file, "--delay-ms", "0"]);
    expect(first.stdout).toMatch(/^imported: 2, already stored: 1, failed: 1 \(4 links, 4 requests to http:\/\/127\.0\.0\.1:\d+\)/);
    expect(first.stdout).toMatch(/failed https:\/\/evil\.example\/x\/bisect\.txt\?x=100b11b0d00000: .*links on evil\.example are not read/);
    expect(first.stderr).toMatch(/import-links 4\/4/);
    expect(first.code).toBe(2);
    // x=...1009a9 (1), the bug's JSON, page and log (3); the already imported corpus log: none
    expect(fake.requests).toEqual([
      "/x/bisect.txt?x=1009a9f2d00000",
      "/bug?extid=11111111111111111111&json=1",
      "/bug?extid=11111111111111111111",
      "/x/bisect.txt?x=10073cd0700000",
    ]);
    fake.requests.length = 0;
    const again = await cli(["import-links", file, "--delay-ms", "0"]);
    expect(again.stdout).toMatch(/^imported: 0, already stored: 3, failed: 1 \(4 links, 0 requests/);
    expect(fake.requests).toEqual([]);
  });

  it("stops at --max-requests and says so", async () => {
    const file = path.join(dir, "more.txt");
    writeFileSync(file, "https://syzkaller.appspot.com/x/bisect.txt?x=1012ee8b900000\nhttps://syzkaller.appspot.com/x/bisect.txt?x=10135a96e00000\n");
    const r = await cli(["import-links", file, "--delay-ms", "0", "--max-requests", "1"]);
    expect(r.stdout).toMatch(/^imported: 1, already stored: 0, failed: 0 \(2 links, 1 requests/);
    expect(r.stdout).toMatch(/stopped at the cap of 1 requests \(--max-requests\); run again to go on/);
  });

  it("names a missing file", async () => {
    const r = await cli(["import-links", path.join(dir, "nope.txt")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.txt: no such file or directory/);
  });
});

describe("cli sync", () => {
  it("reads the namespace's open and fixed lists and imports only bisections not yet stored", async () => {
    fake.requests.length = 0;
    const first = await cli(["sync", "--namespace", "upstream", "--delay-ms", "0"]);
    // bug 1 was imported by import-links above; bug 2 is new; bug 3 has no bisection
    expect(first.stdout).toMatch(/^bugs listed: 3, skipped as known: 1; bisections imported: 1, already stored: 0, failed: 0/);
    expect(fake.requests).toEqual([
      "/upstream?json=1",
      "/upstream/fixed?json=1",
      `/bug?extid=${bug(3, []).extid}&json=1`,
      `/bug?extid=${bug(3, []).extid}`,
      `/bug?extid=${bug(2, []).extid}&json=1`,
      `/bug?extid=${bug(2, []).extid}`,
      "/x/bisect.txt?x=100c9c16500000",
    ]);
    const b2 = await db.prisma.syzbotLink.findUnique({ where: { logXid: "100c9c16500000" }, select: { bugExtid: true, bugTitle: true } });
    expect(b2).toEqual({ bugExtid: bug(2, []).extid, bugTitle: "bug 2" });

    fake.bugs.push(bug(4, ["100b11b0d00000"]));
    fake.requests.length = 0;
    const second = await cli(["sync", "--delay-ms", "0"]);
    expect(second.stdout).toMatch(/^bugs listed: 4, skipped as known: 3; bisections imported: 1, already stored: 0, failed: 0 \(5 requests/);
    expect(fake.requests.slice(2)).toEqual([`/bug?extid=${bug(4, []).extid}&json=1`, `/bug?extid=${bug(4, []).extid}`, "/x/bisect.txt?x=100b11b0d00000"]);
  });

  it("refuses an unknown option", async () => {
    const r = await cli(["sync", "--nope"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown option --nope/);
  });
});
