// ingestLog against a real PostgreSQL: what is stored, dedup by content, concurrency, and
// that bad input stores nothing.
import { storedLogText } from "@/lib/raw-log";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { IngestError, ingestLog, MAX_LOG_BYTES } from "@/lib/ingest";
import { MAX_FRAMES, MAX_KEY_BYTES, MAX_RUNS, MAX_STEP_RUNS, MAX_STEPS, MAX_STORED_NUMBER, prepareNormalized } from "./prepare";
import { contentHash, normalizeLog } from "./normalize";

const FIXTURE = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
const CULPRIT = "997acaf6b4b59c6a9c259740312a69ea549cc684";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "bisection", "commit", "crash_signature" CASCADE');
});

async function counts() {
  const p = db.prisma;
  return {
    bisections: await p.bisection.count(),
    commits: await p.commit.count(),
    signatures: await p.crashSignature.count(),
    steps: await p.step.count(),
    runs: await p.run.count(),
    frames: await p.frame.count(),
    logs: await p.rawLog.count(),
  };
}

describe("ingestLog", () => {
  it("stores the seed log normalized into bisection, steps, runs, commits, signatures and frames", async () => {
    const res = await ingestLog(db.prisma, FIXTURE);
    expect(res).toMatchObject({ duplicate: false, outcome: "found" });
    expect(res.id).toMatch(/^[0-9a-f]{12}$/);
    const b = await db.prisma.bisection.findUniqueOrThrow({
      where: { id: res.id },
      include: { culprit: { include: { files: true } }, crashSignature: true, startSignature: true },
    });
    expect(b.type).toBe("cause");
    expect(b.stepCount).toBe(15);
    expect(b.foundCommitHash).toBe(CULPRIT);
    expect(b.culprit?.subject).toBe("lockdep: report broken irq restoration");
    expect(b.culprit?.files.map((f) => [f.path, f.created]).sort()).toEqual([
      ["include/linux/irqflags.h", false],
      ["kernel/locking/Makefile", false],
      ["kernel/locking/irqflag-debug.c", true],
      ["lib/Kconfig.debug", false],
    ]);
    expect(b.crashSignature?.title).toBe("WARNING in kvm_wait");
    expect(b.startSignature?.title).toBe("WARNING: refcount bug in sk_psock_get");
    expect(b.revisionsTested).toBe(15);
    expect(b.recipientsCc).toContain("tglx@linutronix.de");
    // run #N lines of the fixture: 20 at the start, then 10 at each of the 7 steps that did not say "all runs"
    const c = await counts();
    expect(c.runs).toBe(20 + 10 * 7);
    expect(c.steps).toBe(15);
    // three titles seen in runs: sk_psock_get, bpf_exec_tx_verdict, kvm_wait
    expect(c.signatures).toBe(3);
    expect(c.frames).toBeGreaterThan(20);
    const step13 = await db.prisma.step.findUniqueOrThrow({ where: { bisectionId_index: { bisectionId: res.id, index: 13 } } });
    expect(step13.commitHash).toBe(CULPRIT);
    expect(step13.verdict).toBe("bad");
  });

  it("gives the same permalink to the same log with other line endings and trailing blanks", async () => {
    const a = await ingestLog(db.prisma, FIXTURE);
    const crlf = FIXTURE.split("\n").map((l) => l + "  ").join("\r\n") + "\r\n\r\n";
    const b = await ingestLog(db.prisma, crlf);
    expect(b).toMatchObject({ id: a.id, duplicate: true });
    expect((await counts()).bisections).toBe(1);
  });

  it("gives the same permalink to the same log with blank lines above it, and keeps the sender's lines", async () => {
    const pasted = "\n  \n" + FIXTURE;
    const a = await ingestLog(db.prisma, pasted);
    const b = await ingestLog(db.prisma, FIXTURE);
    expect(a.id).toBe("7b3543c7f532"); // the seed's id, as without them
    expect(b).toMatchObject({ id: a.id, duplicate: true });
    const stored = await db.prisma.bisection.findUniqueOrThrow({ where: { id: a.id }, include: { log: true, steps: { orderBy: { index: "asc" }, take: 1 } } });
    // the stored text is the one sent: its line 5 is the seed's line 3, where the start commit is tested
    expect(storedLogText(stored.log!).split("\n")[4]).toMatch(/^testing commit 9c54130cd255/);
    expect(stored.steps[0].line).toBe(5);
    expect((await counts()).bisections).toBe(1);
  });

  it("finds a log with blank lines above it stored under its whole text's hash (before they stopped counting)", async () => {
    const pasted = "\n\n" + FIXTURE;
    const first = await ingestLog(db.prisma, pasted);
    // as a row stored before: its content hash and id those of the whole normalized text
    const legacy = contentHash(normalizeLog(pasted));
    await db.prisma.$executeRawUnsafe(`UPDATE "bisection" SET content_hash = $1, id = $2 WHERE id = $3`, legacy, legacy.slice(0, 12), first.id);
    // the same text, and as the same log then was (other line ends, trailing blanks), is that row
    for (const again of [pasted, pasted.split("\n").join(" \r\n")]) {
      expect(await ingestLog(db.prisma, again)).toMatchObject({ id: legacy.slice(0, 12), duplicate: true });
    }
    expect((await counts()).bisections).toBe(1);
  });

  it("stores a log uploaded many times at once exactly once", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => ingestLog(db.prisma, FIXTURE)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect((await counts()).bisections).toBe(1);
  });

  it("shares commits and crash signatures between bisections", async () => {
    await ingestLog(db.prisma, FIXTURE);
    const before = await counts();
    // the same bisection with one more run line is a different log that names the same commits
    const other = FIXTURE.replace("run #19: crashed: WARNING: refcount bug in sk_psock_get", "run #19: OK");
    await ingestLog(db.prisma, other);
    const after = await counts();
    expect(after.bisections).toBe(2);
    expect(after.commits).toBe(before.commits);
    expect(after.signatures).toBe(before.signatures);
  });

  it("rejects text that is not a bisection log with the reason, and stores nothing", async () => {
    const err = await ingestLog(db.prisma, "BUG: KASAN: use-after-free in foo+0x1/0x2\nCall Trace:\n foo+0x1/0x2\n").catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.status).toBe(400);
    expect(err.message).toMatch(/bisecting cause commit starting from/);
    expect(await counts()).toEqual({ bisections: 0, commits: 0, signatures: 0, steps: 0, runs: 0, frames: 0, logs: 0 });
  });

  it("rejects an empty upload", async () => {
    const err = await ingestLog(db.prisma, "  \n\n").catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.status).toBe(400);
  });

  // text PostgreSQL cannot index (a btree entry holds ~2,700 bytes) is refused at its line, not
  // left to the database's error; letters from a fixed generator, so compression cannot shrink it
  const letters = (n: number) => {
    let x = 12345;
    let out = "";
    for (let i = 0; i < n; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      out += String.fromCharCode(97 + (x % 26));
    }
    return out;
  };
  const withTitle = (title: string) => FIXTURE.split("\n").map((l, i) => (i === 34 ? `run #0: crashed: ${title}` : l)).join("\n");
  it("refuses a crash title too long to index, at its line, and stores nothing", async () => {
    const title = `WARNING in ${letters(3000)}`;
    const err = await ingestLog(db.prisma, withTitle(title)).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect([err.status, err.line, err.message]).toEqual([400, 35, `a crash title is ${title.length} bytes long; at most ${MAX_KEY_BYTES} are stored`]);
    expect(await counts()).toEqual({ bisections: 0, commits: 0, signatures: 0, steps: 0, runs: 0, frames: 0, logs: 0 });
    // measured as stored: 700 escape bytes are 700 bytes of log but 2,100 of U+FFFD
    const escapes = `WARNING in ${"\u001b".repeat(700)}`;
    const err2 = await ingestLog(db.prisma, withTitle(escapes)).catch((e) => e);
    expect([err2.status, err2.line, err2.message]).toEqual([400, 35, `a crash title is ${11 + 3 * 700} bytes long; at most ${MAX_KEY_BYTES} are stored`]);
    // one just under the limit is stored
    const ok = await ingestLog(db.prisma, withTitle(`WARNING in ${letters(MAX_KEY_BYTES - 20)}`));
    expect(ok.duplicate).toBe(false);
  });

  it("refuses a log of more tested commits than a page shows, at the first one over", async () => {
    const steps = Array.from({ length: MAX_STEPS + 1 }, (_, i) => `testing commit ${(0x1000000 + i).toString(16)}0000000000000000000000000000000\nall runs: OK`);
    const text = [`bisecting cause commit starting from ${CULPRIT}`, ...steps].join("\n");
    const err = await ingestLog(db.prisma, text).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect([err.status, err.line, err.message]).toEqual([400, 2 + 2 * MAX_STEPS, `the log tests ${MAX_STEPS + 1} commits; at most ${MAX_STEPS} are stored (a syzbot bisection tests a few dozen)`]);
    expect((await counts()).bisections).toBe(0);
  });

  it("stores a log with a lone surrogate (a JSON body's \\ud800) as U+FFFD", async () => {
    const text = FIXTURE.replace("\n", "\n\ud800 junk line\n");
    const r = await ingestLog(db.prisma, text);
    const stored = await db.prisma.bisection.findUnique({ where: { id: r.id }, select: { warnings: true, log: { select: { text: true, deflated: true } } } });
    expect(storedLogText(stored!.log!)).toContain("\ufffd junk line");
    expect(JSON.stringify(stored?.warnings)).toContain("\ufffd junk line");
  });

  it("refuses a log of more runs than a page reads, in all or at one commit, at the first run over", async () => {
    const commit = (i: number) => `${(0x1000000 + i).toString(16)}0000000000000000000000000000000`;
    // 30 commits of 200 runs: 6,000 in all; line 1 the header, each commit a line and its runs
    const many = [`bisecting cause commit starting from ${CULPRIT}`, ...Array.from({ length: 30 }, (_, i) => [`testing commit ${commit(i)}`, ...Array.from({ length: MAX_STEP_RUNS }, (_, r) => `run #${r}: OK`)]).flat()].join("\n");
    const err = await ingestLog(db.prisma, many).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    // the 5,001st run is the 1st of the 26th commit (25 x 200 = 5,000 before it)
    expect([err.status, err.line, err.message]).toEqual([400, 2 + 25 * (MAX_STEP_RUNS + 1) + 1, `the log records 6000 runs; at most ${MAX_RUNS} are stored (a syzbot bisection runs a few hundred)`]);
    const wide = [`bisecting cause commit starting from ${CULPRIT}`, `testing commit ${commit(0)}`, ...Array.from({ length: MAX_STEP_RUNS + 1 }, (_, r) => `run #${r}: OK`)].join("\n");
    const err2 = await ingestLog(db.prisma, wide).catch((e) => e);
    expect([err2.status, err2.line, err2.message]).toEqual([400, 3 + MAX_STEP_RUNS, `the commit tested at line 2 records ${MAX_STEP_RUNS + 1} runs; at most ${MAX_STEP_RUNS} a commit are stored (syzbot runs 10-20)`]);
    expect((await counts()).bisections).toBe(0);
  });

  it("refuses a crash report of more stack frames than are stored, at the first frame over", async () => {
    // L1-L3 a start commit that crashed, L4 `crash:`, L5 the headline (no frame), L6 `Call Trace:`, frames from L7
    const head = [`bisecting cause commit starting from ${CULPRIT}`, `testing commit ${CULPRIT}`, "run #0: crashed: general protection fault in f0", "crash: general protection fault in f0", "general protection fault: 0000 [#1] PREEMPT SMP KASAN", "Call Trace:"];
    const report = (n: number) => [...head, ...Array.from({ length: n }, (_, i) => ` f${i}+0x1/0x2 fs/f${i}.c:1`)].join("\n");
    const err = await ingestLog(db.prisma, report(MAX_FRAMES + 1)).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect([err.status, err.line, err.message]).toEqual([400, 7 + MAX_FRAMES, `the crash report has ${MAX_FRAMES + 1} stack frames; at most ${MAX_FRAMES} are stored (a syzbot report has at most a few hundred)`]);
    expect((await counts()).bisections).toBe(0);
    const ok = await ingestLog(db.prisma, report(MAX_FRAMES));
    expect(await db.prisma.frame.count({ where: { bisectionId: ok.id } })).toBe(MAX_FRAMES);
  });

  it("refuses a number past what its column holds with a 400 at its line (it was a bare 500), and takes the largest that fits", async () => {
    const big = String(MAX_STORED_NUMBER + 1);
    const edit = (line: number, from: string, to: string) => {
      const lines = FIXTURE.split("\n");
      expect(lines[line - 1]).toContain(from);
      lines[line - 1] = lines[line - 1].replace(from, to);
      return lines.join("\n");
    };
    const cases: [number, string, string, string][] = [
      // the seed's lines, read by hand
      [6, "run #1:", `run #${big}:`, `a run's number is ${big}`],
      [30, "Bisecting: 11797 ", `Bisecting: ${big} `, `git's count of revisions left is ${big}`],
      [46, "Bisecting: 5910 ", `Bisecting: ${big} `, `git's count of revisions left is ${big}`],
      [229, "| 11 +", `| ${big} +`, `the changes to kernel/locking/irqflag-debug.c is ${big}`],
      [231, " 4 files changed", ` ${big} files changed`, `the culprit's count of files changed is ${big}`],
      [236, "revisions tested: 15,", `revisions tested: ${big},`, `revisions tested is ${big}`],
    ];
    for (const [line, from, to, what] of cases) {
      const err = await ingestLog(db.prisma, edit(line, from, to)).catch((e) => e);
      expect(err).toBeInstanceOf(IngestError);
      expect([err.status, err.line, err.message]).toEqual([400, line, `${what}; numbers up to 2,147,483,647 are stored`]);
    }
    // a summary followed by create-mode lines of files the diffstat did not list: the summary's own line (L230 here)
    const lines = FIXTURE.split("\n");
    const cut = [...lines.slice(0, 228), ` 4 files changed, ${big} insertions(+)`, " create mode 100644 a/new1.c", " create mode 100644 a/new2.c", ...lines.slice(232)];
    expect(lines[231]).toBe(" create mode 100644 kernel/locking/irqflag-debug.c");
    const err2 = await ingestLog(db.prisma, cut.join("\n")).catch((e) => e);
    expect([err2.status, err2.line, err2.message]).toEqual([400, 229, `the culprit's insertions is ${big}; numbers up to 2,147,483,647 are stored`]);
    expect((await counts()).bisections).toBe(0);
    const fits = await ingestLog(db.prisma, edit(6, "run #1:", `run #${MAX_STORED_NUMBER}:`));
    expect(await db.prisma.run.count({ where: { bisectionId: fits.id, index: MAX_STORED_NUMBER } })).toBe(1);
  });

  it("refuses two logs pasted as one at the second's first line, and stores neither", async () => {
    // the fixture is 291 lines and a blank L292; with one more blank line the second log's
    // `bisecting cause commit starting from` is L294
    const err = await ingestLog(db.prisma, `${FIXTURE}\n${FIXTURE.replace("sk_psock_get", "other_fn")}`).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect([err.status, err.line, err.message]).toEqual([400, 294, "a second bisection log starts at line 294: upload one log at a time (the text would be stored as the first alone)"]);
    // a fix bisection's first line right after the blank L292
    const mixed = await ingestLog(db.prisma, `${FIXTURE}bisecting fixing commit since ${CULPRIT}\n`).catch((e) => e);
    expect([mixed.status, mixed.line]).toEqual([400, 293]);
    expect((await counts()).bisections).toBe(0);
    // a row stored before this refusal is judged again, not refused (rejudge reads it as stored)
    const two = normalizeLog(`${FIXTURE}\n${FIXTURE}`);
    expect(prepareNormalized(two, contentHash(two))).toHaveProperty("status", 400);
    expect(prepareNormalized(two, contentHash(two), { stored: true })).toHaveProperty("judgement");
  });

  it("answers 413 above the size limit without parsing", async () => {
    const big = FIXTURE + "x".repeat(MAX_LOG_BYTES);
    const err = await ingestLog(db.prisma, big).catch((e) => e);
    expect(err).toBeInstanceOf(IngestError);
    expect(err.status).toBe(413);
    expect((await counts()).bisections).toBe(0);
  });
});
