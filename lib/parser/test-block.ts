// TEST-BLOCK (§2.2, §2.3): `testing commit`, `compiler:`, `kernel signature:`, run verdicts,
// build errors and test notes. Run records and build errors can span several physical lines.
import { isBlank } from "./frames";
import { P, VERDICT } from "./patterns";
import { closeRecord, type Rule } from "./rule";
import { newStep, sameCommit, type State } from "./state";
import { RUN_OUTCOME, RUN_OUTCOMES } from "@/lib/domain/words";
import type { RunOutcome, Step, StepRole } from "./types";

/** syzkaller's words for a run (`boot failed`) -> the outcome (`boot-failed`). */
const OUTCOMES: Record<string, RunOutcome> = Object.fromEntries(RUN_OUTCOMES.map((o) => [RUN_OUTCOME[o].log, o]));

/** `s.trimEnd()`, without the call when the last char is visible ASCII (no whitespace). */
function trimEnd(s: string): string {
  const c = s.length > 0 ? s.charCodeAt(s.length - 1) : 0;
  return c > 32 && c < 127 ? s : s.trimEnd();
}

/** `crashed: WARNING in kvm_wait` -> crashed + title; an unknown word keeps the text as a failure. */
export function parseVerdict(text: string): { outcome: RunOutcome; title: string | null } {
  if (text === "OK") return { outcome: "ok", title: null };
  if (text.startsWith("crashed: ")) return { outcome: "crashed", title: trimEnd(text.slice(9)) };
  const t = trimEnd(text);
  const m = VERDICT.exec(t);
  if (!m) return { outcome: "failed", title: text };
  const outcome = OUTCOMES[m[1]];
  return { outcome, title: outcome === "ok" ? null : (m[2] ?? "") };
}

function roleFor(st: State): { role: StepRole; release: string | null } {
  if (st.pendingRole) return st.pendingRole;
  if (st.bisecting) return { role: "bisect", release: null };
  if (st.log.steps.length === 0) return { role: st.log.headTruncated ? "bisect" : "start", release: null };
  return { role: "minimize", release: null };
}

/** The open test block, if the line belongs to one. */
function openStep(st: State, line: number): Step | null {
  const s = st.step;
  if (s) s.endLine = line;
  return s;
}

function addNote(st: State, text: string, line: number): void {
  const s = openStep(st, line);
  if (s) s.notes.push({ text, line });
}

export const testBlockRules: Rule[] = [
  {
    pat: P.testingCommit,
    marker: true,
    apply(st, m, line) {
      closeRecord(st);
      const { role, release } = roleFor(st);
      st.pendingRole = null;
      const step = newStep(st, m[1], role, release, line);
      if (m[2] !== undefined) step.compiler = m[2];
      if (m[3] !== undefined) step.compilerType = m[3];
      st.step = step;
      st.mode = "step";
    },
  },
  {
    pat: P.compiler,
    apply(st, m, line) {
      const s = openStep(st, line);
      if (!s) return false;
      closeRecord(st);
      s.compiler = m[1];
    },
  },
  {
    pat: P.kernelSignature,
    marker: true,
    apply(st, m, line) {
      closeRecord(st);
      const s = openStep(st, line);
      // 2019-11 -> 2019-12: `kernel signature:   X` after the culprit block is the culprit's
      if (!s) st.log.culpritSignature = m[1];
      else s.kernelSignature = m[1];
    },
  },
  {
    pat: P.run,
    marker: true,
    apply(st, m, line) {
      closeRecord(st);
      const s = openStep(st, line);
      if (!s) return false;
      const { outcome, title } = parseVerdict(m[2]);
      const run = { index: Number(m[1]), outcome, title, line, endLine: line };
      s.runs.push(run);
      st.run = run;
      st.mode = "run";
    },
  },
  {
    pat: P.allRuns,
    marker: true,
    apply(st, m, line) {
      closeRecord(st);
      const s = openStep(st, line);
      if (!s) return false;
      const { outcome, title } = parseVerdict(m[1]);
      s.allRuns = { outcome, title, line };
      st.run = s.allRuns;
      st.mode = "run";
    },
  },
  {
    pat: P.failedBuilding,
    apply(st, m, line) {
      const stray = st.stray.map((s) => s.text);
      st.stray.length = 0;
      closeRecord(st);
      let s = st.step;
      if (!s || !sameCommit(s.commit, m[1])) {
        // EnvForCommit failed: no `testing commit` line before it (§2.9)
        s = newStep(st, m[1], st.bisecting ? "bisect" : roleFor(st).role, null, line);
        s.untested = true;
        st.step = s;
      }
      s.endLine = line;
      s.buildError = [...stray, m[2]].join("\n");
      st.mode = "build";
    },
  },
  {
    pat: P.representative,
    apply(st, m, line) {
      closeRecord(st);
      const s = openStep(st, line);
      if (!s) return false;
      const types = isBlank(m[2]) ? [] : m[2].trim().split(/\s+/);
      s.representativeCrash = { title: m[1], types, line };
    },
  },
  {
    pat: P.falseNegative,
    apply(st, m, line) {
      closeRecord(st);
      const s = openStep(st, line);
      if (!s) return false;
      s.falseNegativeChance = Number(m[1]);
    },
  },
  ...[P.seemsFlaky, P.undetermined, P.tooManyNeither, P.reproFailure, P.failedTesting, P.failedNote].map(
    (pat): Rule => ({
      pat,
      apply(st, _m, line, text) {
        closeRecord(st);
        if (!st.step) return false;
        addNote(st, text, line);
      },
    }),
  ),
];

/** A line no rule claimed: it continues the open run record or build error, or starts one. */
export function continueTestBlock(st: State, text: string, line: number): boolean {
  const s = st.step;
  if (st.mode === "run" && st.run) {
    const run = st.run;
    const part = text.indexOf("\r") < 0 ? text : text.replace(/\r/g, "");
    run.title = run.title === null ? part : `${run.title}\n${part}`;
    if ("endLine" in run && !isBlank(text)) run.endLine = line;
    if (s && !isBlank(text)) s.endLine = line;
    return true;
  }
  if (!s) return false;
  if (st.mode === "build") {
    s.buildError = `${s.buildError ?? ""}\n${text}`;
    if (!isBlank(text)) s.endLine = line;
    return true;
  }
  if (st.mode === "step" && !isBlank(text)) {
    // 2019-2023: the build error is printed bare, with no `failed building` prefix
    s.buildError = text;
    s.endLine = line;
    st.mode = "build";
    return true;
  }
  return false;
}
