// GIT-BISECT records (§2.5): `# git bisect start|good|bad|skip`, then git's own output:
// `Bisecting: N revisions left ...`, `[sha] subject`, `warning: ...`, the skip list, and the
// `<sha> is the first bad commit` block (culprit.ts reads that one).
import { P } from "./patterns";
import { closeRecord, type Rule } from "./rule";
import { newStep, sameCommit, type State } from "./state";
import type { GitVerdict } from "./types";

function settle(st: State, verdict: GitVerdict, commit: string, line: number): void {
  let s = st.step && sameCommit(st.step.commit, commit) && st.step.verdict === null ? st.step : null;
  if (!s) {
    // no test block before it: fix-bisection presence check, or a skip (§2.6, §7)
    s = newStep(st, commit, "bisect", null, line);
    s.untested = true;
  }
  s.verdict = verdict;
  s.verdictLine = line;
  st.verdictStep = s;
  st.step = null;
  st.leftDue = true;
  st.pendingLeft = null;
}

/** git output lines are claimed only where git output can be. */
function inGit(st: State): boolean {
  return st.mode === "git" || st.mode === "candidates" || st.mode === "commit" || st.mode === "top";
}

export const gitRules: Rule[] = [
  {
    pat: P.gitStart,
    marker: true,
    apply(st, m, line) {
      closeRecord(st);
      st.step = null;
      st.log.bisectStart = { bad: m[1], good: m[2], line, revisionsLeft: null };
      st.bisecting = true;
      st.verdictStep = null;
      st.leftDue = true;
      st.pendingLeft = null;
      st.mode = "git";
    },
  },
  {
    pat: P.gitVerdict,
    marker: true,
    apply(st, m, line) {
      closeRecord(st);
      settle(st, m[1] as GitVerdict, m[2], line);
      st.bisecting = true;
      st.mode = "git";
    },
  },
  {
    pat: P.gitBisecting,
    marker: true,
    apply(st, m) {
      if (st.mode === "run" || st.mode === "build") closeRecord(st);
      // the first count after `git bisect start` or a verdict: the range's size then, and what
      // was left when git chose the next commit
      if (m[1] !== undefined && st.leftDue) {
        const left = Number(m[1]);
        st.leftDue = false;
        st.pendingLeft = left;
        if (st.verdictStep) st.verdictStep.revisionsLeft = left;
        else if (st.log.bisectStart) st.log.bisectStart.revisionsLeft = left;
      }
      st.mode = "git";
    },
  },
  {
    pat: P.gitSubject,
    apply(st, m) {
      if (!inGit(st)) return false;
      st.subjects.set(m[1], m[2]);
      st.mode = "git";
    },
  },
  {
    pat: P.gitWarning,
    apply(st) {
      if (!inGit(st)) return false;
    },
  },
  {
    pat: P.gitOnlySkipped,
    apply(st) {
      closeRecord(st);
      st.mode = "git";
    },
  },
  {
    pat: P.gitCouldBeAny,
    apply(st) {
      st.mode = "candidates";
      st.candidatesTarget = "git";
    },
  },
  {
    pat: P.gitCannotBisect,
    apply(st) {
      st.mode = "git";
    },
  },
  {
    pat: P.bareHash,
    apply(st, m) {
      if (st.mode !== "candidates") return false;
      if (st.candidatesTarget === "result") st.log.candidates.push(m[1]);
    },
  },
];
