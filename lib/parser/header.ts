// Header (§2.1) and range finding (§2.4): who bisects what, and why the next test block is run
// (`testing release v5.11`, `testing current HEAD <sha>`, `<sha>/<title> is a merge base`).
import { P } from "./patterns";
import { closeRecord, type Rule } from "./rule";
import type { State } from "./state";
import type { BisectionType } from "./types";

const COMMIT_HASH = /^[0-9a-f]{7,40}$/;

function start(type: BisectionType) {
  return (st: State, m: RegExpExecArray, line: number): void => {
    closeRecord(st);
    st.log.type = type;
    st.log.startCommit = m[1];
    st.sawHeader = true;
    // syzkaller prints the full hash here; anything else is not a log it wrote
    if (!COMMIT_HASH.test(m[1]) && st.badStart === null) st.badStart = { line, value: m[1] };
  };
}

function placed(st: State): void {
  closeRecord(st);
}

// Go's time.Time.String(): `2023-03-22 19:11:43.062318042 +0000 UTC m=+9612.407403140`
const GO_TIME = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,9}))? ([+-])(\d\d)(\d\d)(?: |$)/;

/** The `starts bisection` time as ISO 8601 UTC to the millisecond; null if unreadable. */
export function goTimeToIso(text: string): string | null {
  const m = GO_TIME.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  // rounded to milliseconds, as PostgreSQL's timestamp(3) rounds it
  const ms = m[7] !== undefined ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  const offset = (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
  const t = Date.UTC(y, mo - 1, d, h, mi, s, ms) - offset * 60_000;
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

export const headerRules: Rule[] = [
  {
    pat: P.host,
    apply(st, m) {
      closeRecord(st);
      st.log.host = m[1];
      st.log.startedAt = goTimeToIso(m[2]);
      st.sawHeader = true;
    },
  },
  { pat: P.bisectingCause, apply: start("cause"), marker: true },
  { pat: P.bisectingFix, apply: start("fix"), marker: true },
  { pat: P.searchingCause, apply: start("cause"), marker: true },
  { pat: P.searchingFix, apply: start("fix"), marker: true },
  {
    pat: P.buildingSyzkaller,
    apply(st, m) {
      closeRecord(st);
      st.log.syzkallerCommit = m[1];
    },
  },
  { pat: P.fetchTags, apply: placed },
  {
    pat: P.fetchFailed,
    apply(st) {
      closeRecord(st);
      st.mode = "text";
    },
  },
  { pat: P.rewritten, apply: placed },
  {
    pat: P.ensuring,
    apply(st) {
      closeRecord(st);
      st.pendingRole = { role: "start", release: null };
    },
  },
  {
    pat: P.testingRelease,
    marker: true,
    apply(st, m) {
      closeRecord(st);
      st.step = null;
      st.pendingRole = { role: "release", release: m[1] };
    },
  },
  {
    pat: P.testingHead,
    marker: true,
    apply(st) {
      closeRecord(st);
      st.step = null;
      st.fixSignals++;
      st.pendingRole = { role: "head", release: null };
    },
  },
  {
    pat: P.isMergeBase,
    apply(st) {
      closeRecord(st);
      st.step = null;
      st.fixSignals++;
      st.pendingRole = { role: "merge-base", release: null };
    },
  },
  { pat: P.picked, apply: placed },
  { pat: P.determiningMergeBase, apply: placed },
  { pat: P.expectedMergeBase, apply: placed },
  { pat: P.mergeBaseNoCrash, apply: placed },
  { pat: P.headErrors, apply: placed },
  // fix-bisection presence check before each step (§2.6)
  { pat: P.determineRevision, apply: placed },
  { pat: P.revisionCrashed, apply: placed },
  { pat: P.checkingMergeBase, apply: placed },
  { pat: P.noExistingResult, apply: placed },
  { pat: P.notIntroduced, apply: placed },
];
