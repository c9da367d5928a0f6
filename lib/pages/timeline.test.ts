// The timeline's per-row facts, on hand-made steps.
import { describe, expect, it } from "vitest";
import { foundRow, logScale, runGroups, runLabel, runsView, runSummary, sameBinaryAs, shortTitle, stepNotes, subjectChars, timelineNotes, timelineView, MAX_RUN_GROUPS, MAX_SIGNATURE_COLUMNS, MAX_SUBJECT_CHARS, MAX_TIMELINE_ROWS } from "./timeline";
import type { PageRun, PageStep } from "./types";
import { MARK } from "@/lib/domain/words";

const step = (index: number, over: Partial<PageStep> = {}): PageStep => ({
  index, commitHash: `c${index}`, role: "bisect", release: null, subject: null, compiler: null, compilerType: null, kernelSignature: null,
  buildError: null, allRunsOutcome: null, allRunsTitle: null, allRunsLine: null, notes: [], verdict: null, verdictLine: null,
  revisionsLeftAtTest: null, untested: false, line: 10 * index + 1, endLine: 10 * index + 5, runs: [], ...over,
});

describe("timeline rows", () => {
  it("finds kernels built identically to an earlier step's, and the last test of the found commit", () => {
    const steps = [step(0, { kernelSignature: "aa" }), step(1, { kernelSignature: "bb" }), step(2, { kernelSignature: "aa", commitHash: "c0" }), step(3)];
    expect([...sameBinaryAs(steps)]).toEqual([[2, 0]]);
    expect(foundRow(steps, "c0")).toBe(2);
    expect(foundRow(steps, null)).toBeNull();
  });

  it("scales revisions left on a log scale", () => {
    expect(logScale(11797, 11797)).toBe(1);
    expect(logScale(0, 11797)).toBe(0);
    expect(logScale(99, 9999)).toBeCloseTo(0.5, 5);
    expect(logScale(5, 0)).toBe(0);
  });

  it("labels runs, and folds machinery messages that differ only in a number", () => {
    expect(runLabel({ index: 3, outcome: "boot-failed", title: "WARNING in kvm_wait" })).toBe("run 3: boot failed: WARNING in kvm_wait");
    expect(shortTitle("failed to copy test binary\nscp: ...")).toBe("failed to copy test binary …");
    expect(shortTitle("x".repeat(200))).toHaveLength(159);
    const runs = [
      { outcome: "crashed" as const, title: "WARNING in kvm_wait" },
      { outcome: "test-failed" as const, title: "failed to copy test binary to VM: root@10.128.0.32" },
      { outcome: "test-failed" as const, title: "failed to copy test binary to VM: root@10.128.0.77" },
      { outcome: "ok" as const, title: null },
    ];
    expect(runSummary(runs)).toBe("4 runs: 1 crashed: WARNING in kvm_wait, 2 basic testing failed: failed to copy test binary to VM: root@10.128.0.32, 1 OK");
  });

  it("shows runs as shapes, one `all runs:` line as words, and why there are none", () => {
    expect(runsView(step(0, { allRunsOutcome: "boot-failed", allRunsTitle: "X in f" }))).toEqual({ kind: "all", mark: "boot", words: "boot failed", label: "all runs boot failed: X in f (run count not logged)" });
    expect(runsView(step(0, { buildError: "make failed" }))).toEqual({ kind: "none", why: "build failed" });
    expect(runsView(step(0, { untested: true }))).toEqual({ kind: "none", why: "not tested" });
    expect(runsView(step(0))).toEqual({ kind: "none", why: "no runs" });
    const v = runsView(step(0, { runs: [{ index: 0, outcome: "ignored", title: "x", line: 3, endLine: 3 }] }));
    expect(v).toEqual({ kind: "runs", summary: "1 run: 1 ignored: x", runs: [{ key: 3, mark: "ignored", count: 1, label: "run 0: ignored: x" }], more: 0 });
  });

  it("groups consecutive runs that ended alike under one label", () => {
    const run = (index: number, outcome: PageRun["outcome"], title: string | null) => ({ index, outcome, title, line: 40 + index });
    const runs = [run(0, "crashed", "WARNING in kvm_wait"), run(1, "crashed", "WARNING in kvm_wait"), run(2, "crashed", "WARNING in kvm_wait"), run(3, "crashed", "KASAN: x"), run(4, "ok", null), run(5, "ok", null), run(7, "ok", null)];
    expect(runGroups(runs)).toEqual([
      { key: 40, mark: "crashed", count: 3, label: "runs 0–2: crashed: WARNING in kvm_wait" },
      { key: 43, mark: "crashed", count: 1, label: "run 3: crashed: KASAN: x" },
      { key: 44, mark: "ok", count: 2, label: "runs 4–5: OK" },
      // a gap in the numbering (a run the log does not have) starts a new group
      { key: 47, mark: "ok", count: 1, label: "run 7: OK" },
    ]);
    expect(runGroups([])).toEqual([]);
  });

  it("notes a build error's first line, then the log's notes", () => {
    expect(stepNotes({ buildError: "make: *** Error 2\nmore", notes: [{ text: "reproducer seems to be flaky", line: 9 }] })).toEqual(["build failed: make: *** Error 2", "reproducer seems to be flaky"]);
  });

  it("writes a long note once and names its first row where it comes again", () => {
    const err = "mm/mmap.c:2699:3: error: implicit declaration of function 'khugepaged_enter_vma_merge'";
    const other = "mm/mmap.c:1811:3: error: implicit declaration of function 'khugepaged_enter_vma_merge'";
    const flaky = { text: "reproducer seems to be flaky", line: 3 };
    const notes = timelineNotes([
      step(0, { notes: [flaky] }),
      step(7, { buildError: `${err}\nmake: *** Error 1` }),
      step(8, { notes: [flaky] }),
      step(12, { buildError: `${err}\nmake: *** Error 2` }),
      step(13, { buildError: other }),
      step(14, { buildError: err, notes: [{ text: `build failed: ${err}`, line: 99 }] }),
    ]);
    expect(notes.map((row) => row.map((n) => [n.sameAs, n.kind]))).toEqual([
      [[null, "note"]],
      [[null, "build error"]],
      // a short note is short enough to read again
      [[null, "note"]],
      [[7, "build error"]],
      // one character apart is another error, written out
      [[null, "build error"]],
      // the log's own note with the same words is the same note
      [[7, "build error"], [7, "note"]],
    ]);
    expect(notes[3][0].text).toBe(`build failed: ${err}`);
  });

  it("draws a log of 200,000 steps as its first and last rows and the found commit's, the others as gaps with their lines", () => {
    const steps = Array.from({ length: 200_000 }, (_, i) => step(i, { verdict: i % 2 ? "good" : "bad", revisionsLeftAtTest: i, runs: [{ index: 0, outcome: "crashed", title: "WARNING in foo", line: 10 * i + 2, endLine: 10 * i + 2 }] }));
    const t = timelineView("cause", steps, { startTitle: "WARNING in foo", finalTitle: null, foundHash: "c100000", candidates: [], sameBinary: new Map() });
    const half = MAX_TIMELINE_ROWS / 2;
    expect(t.steps).toBe(200_000);
    expect(t.rows.map((r) => r.index)).toEqual([...Array.from({ length: half }, (_, i) => i), 100_000, ...Array.from({ length: half }, (_, i) => 200_000 - half + i)]);
    expect(t.rows.find((r) => r.found)?.index).toBe(100_000);
    // step i spans lines 10i+1 .. 10i+5
    expect(t.gaps).toEqual([
      { before: 100_000, count: 100_000 - half, fromLine: 10 * half + 1, toLine: 10 * 99_999 + 5 },
      { before: 200_000 - half, count: 100_000 - half - 1, fromLine: 10 * 100_001 + 1, toLine: 10 * (199_999 - half) + 5 },
    ]);
    expect(t.rows[t.rows.length - 1].leftScale).toBe(1);
    // the matrix keeps the cells of the rows drawn only
    expect(t.columns[0].cells.size).toBe(t.rows.length);
  });

  it("draws at most MAX_SIGNATURE_COLUMNS titles: the start's and the final one, then the most seen, in order", () => {
    const titles = Array.from({ length: 40 }, (_, i) => `WARNING in f${i}`);
    // title i crashes at i+1 steps; the start title (f0) once, the final one (f1) twice
    const steps = titles.flatMap((t, i) => Array.from({ length: i + 1 }, (_, j) => step(0, { runs: [{ index: 0, outcome: "crashed", title: t, line: 1, endLine: 1 }], commitHash: `c${i}-${j}` })));
    const numbered = steps.map((s, i) => ({ ...s, index: i, line: 10 * i + 1, endLine: 10 * i + 5 }));
    const t = timelineView("cause", numbered, { startTitle: titles[0], finalTitle: titles[1], foundHash: null, candidates: [], sameBinary: new Map() });
    expect(t.hiddenColumns).toBe(40 - MAX_SIGNATURE_COLUMNS);
    expect(t.columns.map((c) => c.title)).toEqual([titles[0], titles[1], ...titles.slice(40 - (MAX_SIGNATURE_COLUMNS - 2))]);
  });

  it("draws at most MAX_RUN_GROUPS groups of a commit's runs and counts the rest", () => {
    const runs = Array.from({ length: 1000 }, (_, i) => ({ index: i, outcome: i % 2 ? ("ok" as const) : ("crashed" as const), title: i % 2 ? null : "WARNING in foo", line: i + 2, endLine: i + 2 }));
    const v = runsView(step(0, { runs }));
    if (v.kind !== "runs") throw new Error(v.kind);
    expect([v.runs.length, v.more]).toEqual([MAX_RUN_GROUPS, 1000 - MAX_RUN_GROUPS]);
    expect(v.summary).toBe("1000 runs: 500 crashed: WARNING in foo, 500 OK");
  });

  it("builds rows with the words for the bisection's type", () => {
    const steps = [step(0, { role: "start" }), step(1, { verdict: "good", revisionsLeftAtTest: 100, commitHash: "cand" }), step(2, { verdict: "bad", revisionsLeftAtTest: 9 })];
    const t = timelineView("fix", steps, { startTitle: null, finalTitle: null, foundHash: "c2", candidates: ["cand"], sameBinary: new Map([[2, 0]]) });
    expect(t.rows.map((r) => [r.role, r.verdict.words, r.left, r.found, r.candidate, r.sameAs])).toEqual([
      ["start", "–", null, false, false, null],
      ["bisect", "crashed", 100, false, true, null],
      ["bisect", "did not crash", 9, true, false, 0],
    ]);
    expect(t.rows[2].label).toBe("#2 bisect c2 did not crash, fix");
    expect(t.rows[1].leftScale).toBe(1);
  });

  it("draws a basic-testing failure with the matrix's ⊘ (mark `basic`) in its runs and its verdict, also where the machinery lost the other runs (each run keeps its own shape)", () => {
    const run = (index: number, outcome: PageRun["outcome"]): PageRun => ({ index, outcome, title: "KASAN: use-after-free Read in task_active_pid_ns", line: 100 + index, endLine: 100 + index });
    const basic = step(10, { runs: [run(0, "test-failed"), run(1, "test-failed")] });
    const all = step(11, { allRunsOutcome: "test-failed", allRunsTitle: "KASAN: use-after-free Read in task_active_pid_ns" });
    const mixed = step(12, { runs: [run(0, "test-failed"), run(1, "infra")] });
    const v = timelineView("cause", [basic, all, mixed], { startTitle: null, finalTitle: null, foundHash: null, candidates: [], sameBinary: new Map() });
    const marks = v.rows.map((r) => [r.verdict.mark, r.runs.kind === "runs" ? r.runs.runs.map((g) => g.mark).join(" ") : r.runs.kind === "all" ? r.runs.mark : ""]);
    expect(marks).toEqual([["basic", "basic"], ["basic", "basic"], ["basic", "basic failed"]]);
    expect(MARK.basic).toBe("failed basic kernel testing");
  });
});

describe("subjectChars", () => {
  it("is the longest subject's length, in characters (code points), nulls left out", () => {
    expect(subjectChars([null, "mm: fix", "net: sched: act_ct: fix", null])).toBe(23);
    expect(subjectChars(["ext4: ünïcode"])).toBe(13);
    expect(subjectChars(["😀😀"])).toBe(2);
  });
  it("is 0 without subjects, so the table sets no width", () => {
    expect(subjectChars([])).toBe(0);
    expect(subjectChars([null, "", null])).toBe(0);
  });
  it("stops at MAX_SUBJECT_CHARS: one 235-character merge does not widen every row", () => {
    expect(subjectChars(["a".repeat(235), "b".repeat(70)])).toBe(MAX_SUBJECT_CHARS);
    expect(subjectChars(["a".repeat(MAX_SUBJECT_CHARS)])).toBe(MAX_SUBJECT_CHARS);
    expect(subjectChars(["a".repeat(MAX_SUBJECT_CHARS - 1)])).toBe(MAX_SUBJECT_CHARS - 1);
  });
});

describe("timelineView's subject width", () => {
  const opts = { startTitle: null, finalTitle: null, foundHash: null, candidates: [], sameBinary: new Map() };
  it("is the longest subject's", () => {
    const steps = [step(0, { subject: "x".repeat(40) }), step(1, { subject: "short" }), step(2, { subject: null })];
    expect(timelineView("cause", steps, opts).subjectChars).toBe(40);
  });
  it("is measured on the rows drawn: a long subject in the rows a huge log leaves out does not count", () => {
    const steps = Array.from({ length: MAX_TIMELINE_ROWS * 2 }, (_, i) => step(i, { commitHash: `c${i}`, subject: i === MAX_TIMELINE_ROWS ? "y".repeat(100) : "z".repeat(30) }));
    const t = timelineView("cause", steps, opts);
    expect(t.rows.some((r) => r.index === MAX_TIMELINE_ROWS)).toBe(false);
    expect(t.subjectChars).toBe(30);
  });
});
