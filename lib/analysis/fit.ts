// Fitting the chance model: L2-penalised logistic regression by Newton's method over yes/no
// features, and the measures the bench prints (AUC, reliability by fifths, k-fold
// cross-validation). Pure: data in, numbers out. Used by scripts/fit-chance.ts and bench/judge.ts.
import type { ChanceModel } from "./chance";

export interface Example {
  id: string;
  features: string[];
  wrong: boolean;
}

/** Features present in at least `minCount` examples, sorted. */
export function featureSpace(examples: Example[], minCount = 3): string[] {
  const n = new Map<string, number>();
  for (const e of examples) for (const f of e.features) n.set(f, (n.get(f) ?? 0) + 1);
  return [...n.entries()].filter(([, c]) => c >= minCount).map(([f]) => f).sort();
}

function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c || m[c][c] === 0) continue;
      const k = m[r][c] / m[c][c];
      for (let j = c; j <= n; j++) m[r][j] -= k * m[c][j];
    }
  }
  return m.map((row, i) => (row[i] === 0 ? 0 : row[n] / row[i]));
}

/** Logistic regression with penalty `lambda` on every weight but the intercept. */
export function fitLogistic(examples: Example[], features: string[], lambda: number): ChanceModel {
  const d = features.length + 1;
  const index = new Map(features.map((f, i) => [f, i + 1]));
  const rows = examples.map((e) => [0, ...e.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined)]);
  const y = examples.map((e) => (e.wrong ? 1 : 0));
  let w = new Array<number>(d).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const g = w.map((wi, j) => (j === 0 ? 0 : lambda * wi));
    const h = Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => (i === j && i > 0 ? lambda : 0)));
    rows.forEach((r, k) => {
      const z = r.reduce((s, j) => s + w[j], 0);
      const p = 1 / (1 + Math.exp(-z));
      for (const i of r) {
        g[i] += p - y[k];
        for (const j of r) h[i][j] += p * (1 - p);
      }
    });
    for (let i = 0; i < d; i++) h[i][i] += 1e-9;
    const step = solve(h, g);
    w = w.map((wi, j) => wi - step[j]);
    if (Math.max(...step.map(Math.abs)) < 1e-9) break;
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return {
    baseOdds: round(Math.exp(w[0])),
    terms: features.map((feature, i) => ({ feature, weight: round(w[i + 1]), oddsFactor: round(Math.exp(w[i + 1])) })),
  };
}

/** Area under the ROC curve: the chance that a random wrong result scores above a random right one. */
export function auc(scores: { p: number; wrong: boolean }[]): number {
  const wrong = scores.filter((s) => s.wrong).map((s) => s.p);
  const right = scores.filter((s) => !s.wrong).map((s) => s.p);
  if (!wrong.length || !right.length) return NaN;
  // rank-sum with ties counted half
  const all = [...scores].sort((a, b) => a.p - b.p);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].p === all[i].p) j++;
    const rank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) if (all[k].wrong) rankSum += rank;
    i = j;
  }
  return (rankSum - (wrong.length * (wrong.length + 1)) / 2) / (wrong.length * right.length);
}

export interface Bin {
  n: number;
  predicted: number;
  observed: number;
}

/** Five equal bins of the examples sorted by chance: mean chance against the share wrong. */
export function reliability(scores: { p: number; wrong: boolean }[], bins = 5): Bin[] {
  const sorted = [...scores].sort((a, b) => a.p - b.p);
  const out: Bin[] = [];
  for (let b = 0; b < bins; b++) {
    const part = sorted.slice(Math.round((b * sorted.length) / bins), Math.round(((b + 1) * sorted.length) / bins));
    if (!part.length) continue;
    out.push({ n: part.length, predicted: part.reduce((s, x) => s + x.p, 0) / part.length, observed: part.filter((x) => x.wrong).length / part.length });
  }
  return out;
}

export function logLoss(scores: { p: number; wrong: boolean }[]): number {
  const eps = 1e-6;
  return -scores.reduce((s, x) => s + Math.log(Math.min(1 - eps, Math.max(eps, x.wrong ? x.p : 1 - x.p))), 0) / scores.length;
}

/** Fold of an example: a stable function of its id, so every run splits alike. */
export function foldOf(id: string, k: number): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h % k;
}

/** Out-of-fold chances: each example scored by a model fitted without its fold. */
export function crossValidate(examples: Example[], k: number, lambda: number, score: (m: ChanceModel, e: Example) => number): { p: number; wrong: boolean }[] {
  const out: { p: number; wrong: boolean }[] = [];
  for (let f = 0; f < k; f++) {
    const train = examples.filter((e) => foldOf(e.id, k) !== f);
    const model = fitLogistic(train, featureSpace(train), lambda);
    for (const e of examples) if (foldOf(e.id, k) === f) out.push({ p: score(model, e), wrong: e.wrong });
  }
  return out;
}

export const LAMBDAS = [0.1, 0.3, 1, 3, 10];

/** The penalty with the lowest cross-validated log-loss. */
export function chooseLambda(examples: Example[], k: number, score: (m: ChanceModel, e: Example) => number): number {
  let best = LAMBDAS[0];
  let bestLoss = Infinity;
  for (const l of LAMBDAS) {
    const loss = logLoss(crossValidate(examples, k, l, score));
    if (loss < bestLoss) [best, bestLoss] = [l, loss];
  }
  return best;
}
