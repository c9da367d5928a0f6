import { describe, expect, it } from "vitest";
import type { CommitRecord } from "@/lib/data/commit";
import type { Verdict } from "@/lib/domain/words";
import { blameRecord, commitPage, contradictions, fixesWarning, type TestedStep } from "./commit";

const step = (bisectionId: string, title: string, outcome: "ok" | "crashed", over: Partial<TestedStep> = {}): TestedStep => ({
  bisectionId, type: "cause", title, index: 3, line: 40, endLine: 52, verdict: outcome === "ok" ? "good" : "bad",
  runs: Array.from({ length: 10 }, () => ({ outcome })), allRunsOutcome: null, ...over,
});

describe("contradictions", () => {
  const found = [{ id: "blamer", type: "cause" as const, verdict: "likely-wrong" as const, title: "WARNING in kvm_wait" }];

  it("finds another bisection of the same crash that tested the blamed commit OK", () => {
    expect(contradictions(found, [step("blamer", "WARNING in kvm_wait", "crashed"), step("other", "WARNING in kvm_wait", "ok"), step("third", "KASAN: x", "ok")])).toEqual([
      { bisectionId: "other", step: 3, line: 40, endLine: 52, title: "WARNING in kvm_wait", saw: "ok", runs: "0 of 10 crashed" },
    ]);
  });

  it("says what the runs of a contradicting step were: a good verdict beside boot failures is weaker than ten clean runs", () => {
    const runs = [...Array.from({ length: 6 }, () => ({ outcome: "ok" as const })), ...Array.from({ length: 4 }, () => ({ outcome: "boot-failed" as const }))];
    expect(contradictions(found, [step("other", "WARNING in kvm_wait", "ok", { runs })]).map((c) => c.runs)).toEqual(["0 of 10 crashed, 4 boot failed"]);
  });

  it("agrees when the other bisection crashed there too, and ignores steps without a reading", () => {
    expect(contradictions(found, [step("other", "WARNING in kvm_wait", "crashed"), step("x", "WARNING in kvm_wait", "ok", { verdict: "skip" })])).toEqual([]);
  });

  it("reads a fix the other way: a crash at the named fix contradicts it", () => {
    const fix = [{ id: "f", type: "fix" as const, verdict: "clean" as const, title: "T" }];
    expect(contradictions(fix, [step("o", "T", "crashed")]).map((c) => c.saw)).toEqual(["crashed"]);
    expect(contradictions(fix, [step("o", "T", "ok")])).toEqual([]);
  });
});

describe("fixesWarning", () => {
  const b = (verdict: Verdict) => ({ id: verdict, type: "cause" as const, verdict, title: "T" });
  it("says nothing when every blaming is clean, and how many were not", () => {
    expect(fixesWarning([b("clean"), b("clean")])).toBeNull();
    expect(fixesWarning([b("likely-wrong"), b("likely-wrong")])).toBe("All 2 bisections that found this commit were judged likely wrong: do not use this tag without checking.");
    expect(fixesWarning([b("likely-wrong")])).toBe("The one bisection that found this commit was judged likely wrong: do not use this tag without checking.");
    expect(fixesWarning([b("clean"), b("doubtful"), b("likely-wrong")])).toBe("Of 3 bisections that found this commit, 1 likely wrong, 1 doubtful: check before using this tag.");
    expect(fixesWarning([])).toBe("No bisection found this commit; it was only tested.");
  });
});

describe("blameRecord", () => {
  it("counts verdicts and titles, most blamed first, and calls three titles a serial culprit", () => {
    expect(blameRecord([])).toBeNull();
    const r = blameRecord([
      { verdict: "clean", title: "A in f" },
      { verdict: "likely-wrong", title: "B in g" },
      { verdict: "likely-wrong", title: "B in g" },
      { verdict: "doubtful", title: null },
    ]);
    expect(r).toEqual({
      count: 4,
      byVerdict: [{ verdict: "clean", n: 1 }, { verdict: "likely-wrong", n: 2 }, { verdict: "doubtful", n: 1 }],
      byTitle: [{ title: "B in g", n: 2 }, { title: "A in f", n: 1 }, { title: "(no title)", n: 1 }],
      serial: true,
    });
    expect(blameRecord([{ verdict: "clean", title: "A in f" }, { verdict: "clean", title: "B in g" }])?.serial).toBe(false);
  });
});

describe("commitPage", () => {
  const H = "997acaf6b4b59c6a9c259740312a69ea549cc684";
  const head = (id: string, type: "cause" | "fix", verdict: Verdict, title: string) => ({
    id, type, outcome: "found" as const, verdict, verdictHeadline: verdict === "clean" ? null : "chased a different crash", uploadedAt: new Date("2026-11-25T05:05:00Z"),
    crashSignature: { title }, startSignature: null,
  });
  const tested = (bisection: string, type: "cause" | "fix", title: string, verdict: "good" | "bad") => ({
    index: 13, role: "bisect" as const, release: null, verdict, buildError: null, untested: false, allRunsOutcome: null, allRunsTitle: null, line: 164, endLine: 176,
    runs: Array.from({ length: 10 }, () => ({ outcome: verdict === "bad" ? ("crashed" as const) : ("ok" as const), title: verdict === "bad" ? title : null })),
    bisection: { id: bisection, type, crashSignature: { title }, startSignature: null },
  });
  const record: CommitRecord = {
    commit: { hash: H, subject: "a subject from a tested step" },
    accounts: [
      {
        first: { bisectionId: "aaaaaaaaaaaa", uploadedAt: new Date(), subject: "lockdep: report broken irq restoration", author: "Mark Rutland", authorEmail: "m@arm.com", dateText: "Mon Jan 11 15:37:07 2021 +0000", message: null, mergeParents: [], filesDigest: "d", files: 4 },
        bisectionIds: ["aaaaaaaaaaaa"],
        differs: [],
      },
    ],
    found: [head("aaaaaaaaaaaa", "cause", "likely-wrong", "WARNING in kvm_wait")],
    candidateOf: [],
    steps: [tested("aaaaaaaaaaaa", "cause", "WARNING in kvm_wait", "bad"), tested("bbbbbbbbbbbb", "cause", "WARNING in kvm_wait", "good")],
  };

  it("heads the record with the first log's account, the tag and its warning", () => {
    const p = commitPage(record);
    expect(p.subject).toBe("lockdep: report broken irq restoration");
    expect(p.fixesTag).toBe('Fixes: 997acaf6b4b5 ("lockdep: report broken irq restoration")');
    expect(p.fixesWarning).toBe("The one bisection that found this commit was judged likely wrong: do not use this tag without checking.");
    expect(p.meta).toEqual({ title: '997acaf6b4b5 ("lockdep: report broken irq restoration")', description: "Blamed by 1 bisection: WARNING in kvm_wait" });
    expect(p.found).toEqual([{ id: "aaaaaaaaaaaa", uploaded: "2026-11-25", as: "culprit", title: "WARNING in kvm_wait", verdict: "likely-wrong", headline: "chased a different crash" }]);
  });

  it("lists the other bisection that tested the blamed commit OK, and every step in words", () => {
    const p = commitPage(record);
    expect(p.against).toEqual([{ bisectionId: "bbbbbbbbbbbb", step: 13, line: 164, endLine: 176, title: "WARNING in kvm_wait", saw: "ok", runs: "0 of 10 crashed" }]);
    expect(p.steps.map((s) => [s.bisectionId, `#${s.index} ${s.role}`, s.verdict.words, s.runs])).toEqual([
      ["aaaaaaaaaaaa", "#13 bisect", "crashed", "10 of 10 crashed"],
      ["bbbbbbbbbbbb", "#13 bisect", "OK", "0 of 10 crashed"],
    ]);
  });

  it("leaves a step's or a finder's crash title empty where its bisection has none: the id is shown beside it, not twice", () => {
    const untitled = { ...tested("dddddddddddd", "cause", "x", "bad"), bisection: { id: "dddddddddddd", type: "cause" as const, crashSignature: null, startSignature: null } };
    const p = commitPage({ ...record, found: [{ ...head("dddddddddddd", "cause", "clean", "x"), crashSignature: null }], steps: [untitled] });
    expect(p.steps.map((s) => [s.bisectionId, s.index, s.title])).toEqual([["dddddddddddd", 13, null]]);
    expect(p.found.map((b) => [b.id, b.title])).toEqual([["dddddddddddd", null]]);
  });

  it("names a fix bisection's result a fix, and says where a commit was only tested", () => {
    const fix = commitPage({ ...record, found: [head("cccccccccccc", "fix", "clean", "KASAN: x in y")], steps: [] });
    expect(fix.found[0].as).toBe("fix");
    expect(fix.fixesWarning).toBeNull();
    const tested = commitPage({ ...record, accounts: [], found: [] });
    expect(tested.subject).toBe("a subject from a tested step");
    expect(tested.meta.description).toBe("Tested in 2 bisection steps");
    expect(tested.fixesWarning).toBe("No bisection found this commit; it was only tested.");
  });
});
