// The chance model: committed weights read as odds factors, the chance in 0..1 from findings,
// and the fitting and scoring helpers on small hand-made sets.
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "@/lib/parser";
import weights from "./data/chance-weights.json";
import { chanceFeatures, chanceFrom, chanceWrong } from "./chance";
import { auc, crossValidate, featureSpace, fitLogistic, foldOf, reliability, type Example } from "./fit";
import { judgeBisection } from "./index";
import { buildLog, CLEAN } from "./test-logs";
import type { Finding } from "./types";

const finding = (rule: Finding["rule"], severity: Finding["severity"], kind?: string): Finding => ({ rule, severity, message: "m", lines: [1], ...(kind ? { kind } : {}) });

describe("committed weights", () => {
  it("were fitted on the labelled corpus and read as odds factors", () => {
    expect(weights.fit.examples).toBe(weights.fit.wrong + weights.fit.right);
    for (const t of weights.terms) expect(t.oddsFactor).toBeCloseTo(Math.exp(t.weight), 2);
    expect(weights.terms.find((t) => t.feature === "title-drift:high")!.oddsFactor).toBeGreaterThan(1);
  });
});

describe("chanceWrong", () => {
  it("is the base odds with no finding, and multiplies in each finding's factor", () => {
    const none = chanceWrong([]);
    expect(none.chance).toBeCloseTo(weights.baseOdds / (1 + weights.baseOdds), 6);
    const drift = chanceWrong([finding("title-drift", "high")]);
    const odds = drift.chance / (1 - drift.chance);
    const factor = weights.terms.find((t) => t.feature === "title-drift:high")!.oddsFactor;
    expect(odds).toBeCloseTo(weights.baseOdds * factor, 2);
    expect(drift.terms).toEqual([{ feature: "title-drift:high", oddsFactor: factor }]);
  });
  it("keys findings that name their case on the case", () => {
    expect(chanceFeatures([finding("stack-overlap", "info", "guilty-file"), finding("flaky-bad", "low"), finding("flaky-bad", "low")])).toEqual(["flaky-bad:low", "stack-overlap:guilty-file"]);
  });
  it("ignores features the model does not know", () => {
    expect(chanceFrom({ baseOdds: 1, terms: [] }, ["x:high"]).chance).toBe(0.5);
  });
  it("is in the judgement, in 0..1, and null for results without a commit", () => {
    const r = parseBisectionLog(buildLog(CLEAN));
    if (!r.ok) throw new Error(r.reason);
    const j = judgeBisection(r.log);
    expect(j.chanceWrong).toBeGreaterThan(0);
    expect(j.chanceWrong).toBeLessThan(0.5);
    const none = parseBisectionLog(buildLog({ ...CLEAN, culprit: undefined }));
    expect(none.ok && judgeBisection(none.log).chanceWrong).toBeNull();
  });
});

describe("fitting", () => {
  // feature a: wrong 8 of 10; feature b: wrong 1 of 10; none: 5 of 10
  const ex: Example[] = [];
  const add = (f: string[], wrong: number, n: number) => {
    for (let i = 0; i < n; i++) ex.push({ id: `${f.join("+")}-${i}`, features: f, wrong: i < wrong });
  };
  add(["a"], 8, 10);
  add(["b"], 1, 10);
  add([], 5, 10);

  it("recovers the odds of each group without a penalty", () => {
    const m = fitLogistic(ex, featureSpace(ex), 1e-6);
    expect(m.baseOdds).toBeCloseTo(1, 2);
    expect(m.terms.find((t) => t.feature === "a")!.oddsFactor).toBeCloseTo(4, 1);
    expect(m.terms.find((t) => t.feature === "b")!.oddsFactor).toBeCloseTo(1 / 9, 2);
  });
  it("shrinks towards even odds with a penalty", () => {
    const m = fitLogistic(ex, featureSpace(ex), 10);
    expect(m.terms.find((t) => t.feature === "a")!.oddsFactor).toBeLessThan(4);
    expect(m.terms.find((t) => t.feature === "a")!.oddsFactor).toBeGreaterThan(1);
  });
  it("scores AUC as the chance a wrong result ranks above a right one", () => {
    expect(auc([{ p: 0.9, wrong: true }, { p: 0.1, wrong: false }])).toBe(1);
    expect(auc([{ p: 0.5, wrong: true }, { p: 0.5, wrong: false }])).toBe(0.5);
    expect(auc([{ p: 0.2, wrong: true }, { p: 0.8, wrong: false }, { p: 0.6, wrong: true }])).toBe(0);
  });
  it("bins by fifths of the sorted chances", () => {
    const s = Array.from({ length: 10 }, (_, i) => ({ p: i / 10, wrong: i >= 5 }));
    const bins = reliability(s);
    expect(bins.map((b) => b.n)).toEqual([2, 2, 2, 2, 2]);
    expect(bins.map((b) => b.observed)).toEqual([0, 0, 0.5, 1, 1]);
    expect(bins[0].predicted).toBeCloseTo(0.05, 6);
  });
  it("cross-validates every example once, by a stable fold", () => {
    expect(foldOf("Log_1", 10)).toBe(foldOf("Log_1", 10));
    const cv = crossValidate(ex, 5, 1, (m, e) => chanceFrom(m, e.features).chance);
    expect(cv).toHaveLength(ex.length);
    expect(auc(cv)).toBeGreaterThan(0.6);
  });
});
