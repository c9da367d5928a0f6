// The CLI as a user runs it: one process per command, JSON on stdout, reasons on stderr,
// exit codes; import into a real PostgreSQL with counts and a re-import that adds nothing.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync, copyFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

const run = promisify(execFile);
const FIXTURE = "lib/parser/testdata/cause-kvm_wait-title-drift.txt";

async function cli(args: string[], env: Record<string, string> = {}) {
  try {
    // what `npm run cli` runs: scripts/cli.ts from its bundle (lib/server/bundle.mjs)
    const { stdout, stderr } = await run(process.execPath, ["scripts/cli.mjs", ...args], {
      env: { ...process.env, ...env },
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

let dir: string;
/** a log beside a file one byte over the 10 MiB log limit (sparse: no 10 MiB written) */
let bigDir: string;
let big: string;
const BIG_SAYS = /big\.txt is 10485761 bytes \(10\.0 MiB\); a log may be at most 10485760 bytes \(10 MiB\), so it was not read/;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bisectview-cli-"));
  copyFileSync(FIXTURE, path.join(dir, "a.txt"));
  copyFileSync("lib/parser/testdata/synthetic/fix-found-nfc-2022.txt", path.join(dir, "b.txt"));
  writeFileSync(path.join(dir, "c.txt"), "bisection is taking too long (>8h0m0s), aborting\n");
  bigDir = path.join(dir, "big");
  mkdirSync(bigDir);
  copyFileSync(FIXTURE, path.join(bigDir, "a.txt"));
  big = path.join(bigDir, "big.txt");
  writeFileSync(big, "");
  truncateSync(big, 10 * 1024 * 1024 + 1);
});

describe("a file over the log limit", () => {
  it("parse and judge refuse it unread with its name and size: exit 1, nothing on stdout", async () => {
    for (const cmd of ["parse", "judge"]) {
      const r = await cli([cmd, big]);
      expect(r.code, cmd).toBe(1);
      expect(r.stdout, cmd).toBe("");
      expect(r.stderr, cmd).toMatch(BIG_SAYS);
    }
  });

  it("parse and judge of a directory go on with the other files and list it as rejected", async () => {
    for (const cmd of ["parse", "judge"]) {
      const r = await cli([cmd, bigDir]);
      expect(r.code, cmd).toBe(1);
      const rows = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
      expect(rows.map((l) => path.basename(l.file))).toEqual(["a.txt", "big.txt"]);
      expect(rows[0].rejected).toBeUndefined();
      expect(rows[1]).toMatchObject({ rejected: true, reason: expect.stringMatching(BIG_SAYS) });
    }
  });

  it("stats says so on stderr and exits 1, counting the others", async () => {
    const r = await cli(["stats", bigDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(BIG_SAYS);
    expect(r.stdout).toMatch(/logs: 2 .*rejected: 1/);
    expect(r.stdout).toMatch(/cause found/);
  });

  it("a device without a size is not read past the limit either (/dev/zero)", async () => {
    const r = await cli(["parse", "/dev/zero"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\/dev\/zero is over 10485760 bytes; a log may be at most 10485760 bytes \(10 MiB\), so it was not read/);
  });
});

describe("cli parse", () => {
  it("prints one log's parse as JSON with the guilty frame filled in", async () => {
    const r = await cli(["parse", FIXTURE]);
    expect(r.code).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(log).toMatchObject({ type: "cause", outcome: "found", startCommit: "9c54130cd25528028b2d38f6ada0c79e92210390" });
    expect(log.steps).toHaveLength(15);
    expect(log.crash.guiltyFile).toBe("arch/x86/kernel/kvm.c");
  });

  it("refuses a text that is not a bisection log: exit 1, the reason on stderr, nothing on stdout", async () => {
    const r = await cli(["parse", path.join(dir, "c.txt")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/not a bisection log/);
    expect(r.stderr).toMatch(/bisecting cause commit starting from/);
  });

  it("prints NDJSON with a file field for a directory", async () => {
    const r = await cli(["parse", dir]);
    expect(r.code).toBe(1); // one of the three is not a log
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => path.basename(l.file))).toEqual(["a.txt", "b.txt", "c.txt"]);
    expect(lines[1]).toMatchObject({ type: "fix", outcome: "found" });
    expect(lines[2]).toMatchObject({ rejected: true });
  });

  it("says so for a missing file", async () => {
    const r = await cli(["parse", path.join(dir, "nope.txt")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no such file/);
  });
});

describe("cli judge and stats", () => {
  it("judges the seed log likely wrong", async () => {
    const r = await cli(["judge", FIXTURE]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.verdict).toBe("likely-wrong");
    expect(j.findings.map((f: { rule: string }) => f.rule)).toEqual(expect.arrayContaining(["title-drift", "crash-in-boot", "detector-commit"]));
    expect(typeof j.confidence).toBe("number");
  });

  it("prints the chance, the guilty route and the trusted range with its replay script", async () => {
    const j = JSON.parse((await cli(["judge", FIXTURE])).stdout);
    expect(j.chanceWrong).toBeGreaterThan(0.5);
    expect(j.chanceWrong).toBeLessThanOrEqual(1);
    expect(j.chanceTerms[0]).toEqual({ feature: expect.any(String), oddsFactor: expect.any(Number) });
    expect(j.findings.map((f: { rule: string }) => f.rule)).toContain("off-target");
    expect(j.guilty).toMatchObject({ file: "arch/x86/kernel/kvm.c", frame: 4, line: 263, rule: "first" });
    expect(j.trust.good).toBe("2f0df49c89acaa58571d509830bc481250699885");
    expect(j.trust.script).toMatch(/^git bisect start '9c54130cd25528028b2d38f6ada0c79e92210390' 'f40ddce88593482919761f74910f42f4b84c004b'\n/);
  });

  it("puts the guilty route into the parse JSON", async () => {
    const log = JSON.parse((await cli(["parse", FIXTURE])).stdout);
    expect(log.crash.guilty).toMatchObject({ file: "arch/x86/kernel/kvm.c", frame: 4, line: 263 });
    expect(log.crash.guilty.skipped[0]).toEqual({ file: "kernel/locking/irqflag-debug.c", line: 243, why: "locking primitives and lockdep" });
    expect(log.crash.guilty.why).toContain("skipped above it");
  });

  it("counts outcomes, steps, runs and warnings", async () => {
    const r = await cli(["stats", dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/logs: 3 .*rejected: 1/);
    expect(r.stdout).toMatch(/cause found/);
    expect(r.stdout).toMatch(/fix found/);
    expect(r.stdout).toMatch(/warnings: 0/);
    expect(r.stdout).toMatch(/MiB\/s/);
  });
});

describe("cli import", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(false);
  });
  afterAll(async () => {
    await db.drop();
  });

  it("imports with a summary, applies migrations itself, and a second import adds nothing", async () => {
    const first = await cli(["import", dir], { DATABASE_URL: db.url });
    expect(first.stdout).toMatch(/imported: 2, duplicates: 0, rejected: 1/);
    expect(first.stdout).toMatch(/rejected .*c\.txt: .*bisection log/);
    expect(first.stderr).toMatch(/import 3\/3/);
    expect(first.code).toBe(2);
    const second = await cli(["import", dir], { DATABASE_URL: db.url });
    expect(second.stdout).toMatch(/imported: 0, duplicates: 2, rejected: 1/);
    expect(await db.prisma.bisection.count()).toBe(2);
  });

  it("refuses a file over the log limit unread and imports the others", async () => {
    const r = await cli(["import", bigDir], { DATABASE_URL: db.url });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/imported: 0, duplicates: 1, rejected: 1/);
    expect(r.stdout).toMatch(new RegExp(`rejected .*big\\.txt: .*${BIG_SAYS.source}`));
    expect(await db.prisma.bisection.count()).toBe(2);
  });

  it("rejudge re-judges what an older judge stored, then finds nothing to do", async () => {
    await db.prisma.$executeRaw`UPDATE bisection SET verdict = 'clean', judge_version = 0 WHERE verdict <> 'n/a'`;
    const stale = await db.prisma.bisection.count({ where: { judgeVersion: 0 } });
    expect(stale).toBeGreaterThan(0);
    const first = await cli(["rejudge"], { DATABASE_URL: db.url });
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`re-judged ${stale} of ${stale} bisections judged before judge version \\d+`));
    expect(await db.prisma.bisection.count({ where: { judgeVersion: 0 } })).toBe(0);
    const second = await cli(["rejudge"], { DATABASE_URL: db.url });
    expect(second.stdout).toMatch(/re-judged 0 of 0 bisections/);
    expect((await cli(["rejudge", "x"], { DATABASE_URL: db.url })).code).toBe(1);
  });
});
