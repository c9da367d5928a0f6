// Compares a parse with a hand-checked expectation, with exactly the semantics of
// shared/tools/check-parse.mjs: scalars exact, "~text" contains (case-insensitive), "/re/"
// full-match regex, arrays element by element with a length check, objects field by field;
// "stepSummary" (one line per step, see summarizeStep) and "framesInclude" (frames that must
// appear, in this order, among crash.frames) are special keys. Returns the mismatches.
import type { Step } from "./types";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function show(v: unknown): string {
  return JSON.stringify(v) ?? "undefined";
}

export function compareValue(path: string, want: Json, got: unknown, out: string[]): void {
  if (want === null || typeof want !== "object") {
    if (typeof want === "string" && /^\/.+\/$/.test(want)) {
      if (typeof got !== "string" || !new RegExp(`^(?:${want.slice(1, -1)})$`).test(got)) out.push(`${path}: want ${want}, got ${show(got)}`);
    } else if (typeof want === "string" && typeof got === "string" && want.startsWith("~")) {
      if (!got.toLowerCase().includes(want.slice(1).toLowerCase())) out.push(`${path}: want ~${want.slice(1)}, got ${show(got)}`);
    } else if (want !== got) out.push(`${path}: want ${show(want)}, got ${show(got)}`);
    return;
  }
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) {
      out.push(`${path}: want array, got ${show(got)?.slice(0, 80)}`);
      return;
    }
    if (want.length !== got.length) out.push(`${path}: want ${want.length} items, got ${got.length}`);
    want.forEach((w, i) => compareValue(`${path}[${i}]`, w, got[i], out));
    return;
  }
  if (got === null || typeof got !== "object") {
    out.push(`${path}: want object, got ${show(got)}`);
    return;
  }
  const rec = got as Record<string, unknown>;
  for (const k of Object.keys(want)) compareValue(`${path}.${k}`, want[k], rec[k], out);
}

/** "9eef02334505 bad 5:10 boot-failed2 test-failed1"; "all:ok" where the log says `all runs:`. */
export function summarizeStep(step: Partial<Step>): string {
  const v = step.verdict ?? "none";
  let runs: string;
  if (step.allRuns) runs = `all:${step.allRuns.outcome}`;
  else {
    const all = step.runs ?? [];
    runs = `${all.filter((r) => r.outcome === "crashed").length}:${all.length}`;
    const other: Record<string, number> = {};
    for (const r of all) if (r.outcome !== "crashed" && r.outcome !== "ok") other[r.outcome] = (other[r.outcome] ?? 0) + 1;
    for (const k of Object.keys(other).sort()) runs += ` ${k}${other[k]}`;
  }
  return `${(step.commit ?? "").slice(0, 12)} ${v} ${runs}`;
}

/** All mismatches between an expectation file's content and a parsed log (as JSON). */
export function compareExpectation(want: Record<string, Json>, got: unknown): string[] {
  const out: string[] = [];
  const { stepSummary, framesInclude, ...rest } = want;
  compareValue("", rest, got, out);
  const g = (got ?? {}) as { steps?: Partial<Step>[]; crash?: { frames?: Record<string, unknown>[] } | null };
  if (Array.isArray(stepSummary)) {
    const steps = (g.steps ?? []).map(summarizeStep);
    if (steps.length !== stepSummary.length) out.push(`.steps: want ${stepSummary.length}, got ${steps.length}`);
    stepSummary.forEach((w, i) => {
      if (!new RegExp(`^${String(w)}$`).test(steps[i] ?? "")) out.push(`.steps[${i}]: want /${String(w)}/, got ${show(steps[i])}`);
    });
  }
  if (Array.isArray(framesInclude)) {
    const frames = g.crash?.frames ?? [];
    let at = 0;
    for (const w of framesInclude as Record<string, Json>[]) {
      while (at < frames.length && !Object.keys(w).every((k) => frames[at]?.[k] === w[k])) at++;
      if (at === frames.length) {
        out.push(`.crash.frames: missing ${show(w)} (in order)`);
        break;
      }
      at++;
    }
  }
  return out;
}
