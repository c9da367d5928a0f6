// The bisection page as data, from the seed log as lib/ingest stores it and lib/data reads it
// back (no raw text involved): every expected value is read off the log by hand, with its line.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestLog } from "@/lib/ingest";
import { getBisection, type BisectionDetail } from "@/lib/data/bisection";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { bisectionPage, candidateList, distinctCompilers, headTitle, trustLeftWords, type BisectionPage } from "./bisection";
import { shownReportLines } from "./crash";

const SEED = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
const CULPRIT = "997acaf6b4b59c6a9c259740312a69ea549cc684";

let db: TestDatabase;
let b: BisectionDetail;
let p: BisectionPage;
beforeAll(async () => {
  db = await createTestDatabase();
  const { id } = await ingestLog(db.prisma, SEED);
  b = (await getBisection(db.prisma, id))!;
  p = bisectionPage(b);
});
afterAll(async () => {
  await db.drop();
});

describe("bisectionPage on the seed log", () => {
  it("names the page after the final crash and says what was blamed (L184-L189)", () => {
    expect(p.meta.title).toBe("culprit 997acaf6b4b5: WARNING in kvm_wait");
    expect(p.meta.description).toMatch(/^cause bisection of “WARNING in kvm_wait”: introduced by 997acaf6b4b5 \(“lockdep: report broken irq restoration”\); 15 commits tested\. Judge: likely-wrong, /);
    expect(p.summary).toMatchObject({
      title: "WARNING in kvm_wait",
      startTitle: "WARNING: refcount bug in sk_psock_get",
      finalTitle: "WARNING in kvm_wait",
      found: { hash: CULPRIT, word: "culprit" },
      titleChange: "different",
      commitsTested: 15,
      ran: null,
    });
    expect(p.summary.outcome).toEqual({ kind: "found", words: "Introduced by", hash: CULPRIT, subject: "lockdep: report broken irq restoration", byline: "Mark Rutland, 2021-01-11" });
  });

  it("offers the Fixes: tag with the judge's warning in the copied text", () => {
    expect(p.summary.tag).toMatchObject({ text: 'Fixes: 997acaf6b4b5 ("lockdep: report broken irq restoration")', word: "Fixes:", doubt: true });
    expect(p.summary.tag?.copy).toMatch(/^# Bisectview: bisection looks wrong: check before using \(likely-wrong: .+\)\nFixes: 997acaf6b4b5/);
  });

  it("gives the judge's verdict its mark, tone and evidence ranges", () => {
    expect(p.verdict).toMatchObject({ verdict: "likely-wrong", judged: true, mark: "✖", tone: "bad" });
    expect(p.verdict.heading).toMatch(/^Likely wrong: /);
    const drift = p.verdict.findings.find((f) => f.key.startsWith("title-drift"))!;
    expect(drift.mark).toBe("▲▲");
    for (const f of p.verdict.findings) for (const [a, z] of f.evidence) expect(a).toBeLessThanOrEqual(z);
  });

  it("says, per tested commit, what git had left when it chose it (the `Bisecting:` lines L30 .. L177)", () => {
    expect(p.timeline.rows.map((r) => r.left)).toEqual([null, null, 11797, 5910, 2929, 1417, 737, 355, 209, 61, 33, 13, 6, 3, 0]);
    expect(p.timeline.rows[2].leftScale).toBe(1);
    expect(p.timeline.rows[14].leftScale).toBe(0);
    expect(p.timeline.rows.map((r) => r.role).slice(0, 3)).toEqual(["start", "release v5.11", "bisect"]);
  });

  it("marks the culprit's row and reads each row's verdict in words (L164-L176: 8 of 10 runs crashed, `bad`)", () => {
    const row = p.timeline.rows[13];
    expect(row).toMatchObject({ commit: CULPRIT, found: true, candidate: false, label: "#13 bisect 997acaf6b4b5 crashed, culprit" });
    expect(row.verdict).toEqual({ outcome: "crashed", words: "crashed", git: "bad", mark: "crashed" });
    expect(row.runs).toMatchObject({ kind: "runs", summary: "10 runs: 8 crashed: WARNING in kvm_wait, 2 OK" });
    expect(p.timeline.rows.filter((r) => r.found)).toHaveLength(1);
    // the release (L25-L28) printed one `all runs: OK` line
    expect(p.timeline.rows[1].runs).toMatchObject({ kind: "all", mark: "ok", words: "OK" });
  });

  it("states the range git started from (L29-L30) and the log's facts", () => {
    expect(p.facts).toMatchObject({
      startCommit: "9c54130cd25528028b2d38f6ada0c79e92210390",
      goodCommit: "f40ddce88593482919761f74910f42f4b84c004b",
      initialLeft: 11797,
      // the stored text: normalizeLog drops the file's trailing empty line
      lineCount: 291,
      headTruncated: false,
      truncated: false,
      warnings: [],
    });
    // `kernel signature:` of each test (L4 for the start commit: ca1683d14591197d...)
    expect(p.facts.kernels).toHaveLength(15);
    expect(p.facts.kernels[0]).toEqual({ index: 0, signature: "ca1683d14591197d", sameAs: null });
    expect(p.facts.builtIdentically).toBe(p.facts.kernels.filter((k) => k.sameAs !== null).length);
    expect(p.facts.kernelsWords).toBe(`15 kernels, ${p.facts.builtIdentically} built identically to an earlier one`);
  });

  it("says when syzbot's `revisions tested:` count is not the timeline's commits", () => {
    expect(p.facts.commitsInTimeline).toBeNull(); // L236: 15, and 15 rows
    const fewer = bisectionPage({ ...b, revisionsTested: 12 });
    expect([fewer.facts.revisionsTested, fewer.facts.commitsInTimeline]).toEqual([12, 15]);
  });

  it("says a log without `kernel signature:` lines does not record them, not \"0 kernels\"", () => {
    const none = bisectionPage({ ...b, steps: b.steps.map((s) => ({ ...s, kernelSignature: null })) });
    expect(none.facts.kernels).toEqual([]);
    expect(none.facts.kernelsWords).toBe("not in this log (it has no `kernel signature:` lines)");
    const one = bisectionPage({ ...b, steps: b.steps.map((s, i) => ({ ...s, kernelSignature: i === 0 ? s.kernelSignature : null })) });
    expect(one.facts.kernelsWords).toBe("1 kernel, 0 built identically to an earlier one");
  });

  it("shows the crash report's frames with the culprit's files marked and the raw lines to read (L240-)", () => {
    const c = p.crash!;
    expect(c).toMatchObject({ title: "WARNING in kvm_wait", line: 240, empty: false, cut: 0 });
    expect(c.shown).toEqual([240, c.endLine]);
    const frames = c.sections.flatMap((s) => s.blocks.flatMap((blk) => (blk.kind === "group" ? blk.group.frames : blk.kind === "fold" ? blk.groups.flatMap((g) => g.frames) : [])));
    const irq = frames.filter((f) => f.path === "kernel/locking/irqflag-debug.c");
    expect(irq.length).toBeGreaterThan(0);
    expect(irq.every((f) => f.touched)).toBe(true);
    expect(irq[0].source).toBe(`https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/kernel/locking/irqflag-debug.c?id=${CULPRIT}#n${irq[0].line}`);
    expect(frames.filter((f) => f.guilty)).toHaveLength(1);
  });

  it("lists the culprit's files (L226-L232) and looks up other bisections by both titles", () => {
    expect(p.culprit).toMatchObject({ word: "Culprit", byDirectory: [] });
    expect(p.culprit?.commit.files.map((f) => f.path)).toContain("kernel/locking/irqflag-debug.c");
    expect(p.relatedTitles).toEqual(["WARNING in kvm_wait", "WARNING: refcount bug in sk_psock_get"]);
  });

  it("reads the same stored rows as a fix bisection in a fix bisection's words", () => {
    const f = bisectionPage({ ...b, type: "fix" });
    expect(f.meta.title).toBe("fix 997acaf6b4b5: WARNING in kvm_wait");
    expect(f.summary.outcome.words).toBe("Fixed by");
    expect(f.summary.tag).toMatchObject({ text: "#syz fix: lockdep: report broken irq restoration", word: "#syz fix:" });
    expect(f.culprit?.word).toBe("Fix");
    expect(f.timeline.rows[13].label).toBe("#13 bisect 997acaf6b4b5 did not crash, fix");
    // git's `bad` means fixed there
    expect(f.timeline.rows[13].verdict).toMatchObject({ outcome: "ok", words: "did not crash", git: null });
  });
});

describe("the page model's small parts", () => {
  it("heads with the final title, else the start's", () => {
    expect(headTitle("A", "B")).toBe("A");
    expect(headTitle(null, "B")).toBe("B");
    expect(headTitle(undefined, null)).toBe("(no crash title)");
  });
  it("lists each compiler once and each candidate with its tested subject", () => {
    expect(distinctCompilers([{ compiler: "gcc 10", compilerType: null }, { compiler: null, compilerType: "clang" }, { compiler: "gcc 10", compilerType: "gcc" }])).toEqual(["gcc 10", "clang"]);
    expect(candidateList(["c2", "c9"], [{ commitHash: "c2", subject: "two" }, { commitHash: "c2", subject: "again" }])).toEqual([
      { hash: "c2", subject: "two" },
      { hash: "c9", subject: null },
    ]);
  });
  it("shows at most 400 raw report lines", () => {
    expect(shownReportLines(240, 292)).toEqual([240, 292]);
    expect(shownReportLines(10, 5000)).toEqual([10, 409]);
  });
});

describe("trustLeftWords: the trusted range's commits left, in the sentence's words", () => {
  it("reads after 'with' in every case (it was 'with one commit: the range is pinned left in it')", () => {
    expect(trustLeftWords({ candidates: 1, stepsLeft: 0, allTrusted: true }, "found")).toBe("one commit left in it: the range is pinned");
    expect(trustLeftWords({ candidates: null, stepsLeft: null, allTrusted: false }, "found")).toBe("an unknown number of commits left in it");
    expect(trustLeftWords({ candidates: 23590, stepsLeft: 15, allTrusted: false }, "found")).toBe("about 23,590 commits left in it (~15 more steps)");
  });
  it("says one step, not '~1 more steps'", () => {
    expect(trustLeftWords({ candidates: 2, stepsLeft: 1, allTrusted: false }, "found")).toBe("about 2 commits left in it (~1 more step)");
  });
  it("gives git's own list where every verdict is trusted and only skipped commits were left, without steps", () => {
    expect(trustLeftWords({ candidates: 18, stepsLeft: null, allTrusted: true }, "inconclusive")).toBe("18 commits left in it, the ones git lists at the end (only commits it had skipped were left to test)");
  });
});
