// Culprit checks, summary and result lines (§2.8, §2.9, §3.2-3.6). `error:` and `crash:` run to
// the end of the log; the inconclusive list is one 40-hex line per candidate.
import { DURATION_TERM, P } from "./patterns";
import { closeRecord, type Rule } from "./rule";
import type { State } from "./state";

/** Go `time.Duration.String()` -> seconds: `3h52m11.87855939s` -> 13931.87855939. */
export function durationSeconds(text: string): number | null {
  let total = 0;
  let matched = 0;
  DURATION_TERM.lastIndex = 0;
  for (let m = DURATION_TERM.exec(text); m; m = DURATION_TERM.exec(text)) {
    matched += m[0].length;
    const n = Number(m[1]);
    const unit = m[2];
    total += unit === "h" ? n * 3600 : unit === "m" ? n * 60 : unit === "s" ? n : unit === "ms" ? n / 1e3 : unit === "ns" ? n / 1e9 : n / 1e6;
  }
  return matched === text.length && matched > 0 ? total : null;
}

/** Go `%q` of a []string: `["a@b.org" "c@d.org"]` (inside the brackets) -> list. What the global
 *  regex `/"((?:[^"\\]|\\.)*)"/g` finds, in one scan: that regex rescans the rest of the text from
 *  every quote when no closing quote follows. A scan that fails stops at a backslash before a line
 *  terminator (or at the end); the quotes it passed were escaped, and a search from one of them
 *  reads the same units and fails there too, so the next search starts where it stopped. */
export function quotedList(inner: string): string[] {
  const out: string[] = [];
  for (let i = inner.indexOf('"'); i >= 0; ) {
    let k = i + 1;
    for (; k < inner.length; k++) {
      const c = inner.charCodeAt(k);
      if (c === 34 /* " */) break;
      if (c === 92 /* \ */) {
        const next = k + 1 < inner.length ? inner.charCodeAt(k + 1) : 10;
        if (next === 10 || next === 13 || next === 0x2028 || next === 0x2029) break;
        k++;
      }
    }
    if (k < inner.length && inner.charCodeAt(k) === 34) {
      out.push(inner.slice(i + 1, k).replace(/\\(.)/g, "$1"));
      i = inner.indexOf('"', k + 1);
    } else i = inner.indexOf('"', k);
  }
  return out;
}

type Apply = (st: State, m: RegExpExecArray, line: number, text: string) => void;

/** A summary line closes the open record and any test block. */
function summary(fn: Apply): Apply {
  return (st, m, line, text) => {
    closeRecord(st);
    st.step = null;
    st.mode = "top";
    fn(st, m, line, text);
  };
}

export const resultRules: Rule[] = [
  { pat: P.errorProbability, apply: summary((st, m) => void (st.log.errorProbability = Number(m[1]))) },
  { pat: P.detectFailed, apply: summary(() => {}) },
  {
    pat: P.parentNotTested,
    apply: summary((st) => void (st.pendingRole = { role: "parent", release: null })),
  },
  { pat: P.culpritSignature, apply: summary((st, m) => void (st.log.culpritSignature = m[1])) },
  { pat: P.parentSignature, apply: summary((st, m) => void (st.log.parentSignature = m[1])) },
  { pat: P.previousSignature, apply: summary((st, m) => void (st.log.parentSignature = m[1])) },
  {
    pat: P.reproIsFlaky,
    apply: summary((st, m, line, text) => {
      st.log.flaky = { text: text.trim(), reproChance: m[1] !== undefined ? Number(m[1]) : null, line };
    }),
  },
  {
    pat: P.flaggedFlaky,
    apply: summary((st, _m, line, text) => void (st.log.flaky = { text: text.trim(), reproChance: null, line })),
  },
  {
    pat: P.revisionsTested,
    marker: true,
    apply: summary((st, m) => {
      st.log.revisionsTested = Number(m[1]);
      st.log.totalSeconds = durationSeconds(m[2]);
      st.log.buildSeconds = durationSeconds(m[3]);
      st.log.testSeconds = durationSeconds(m[4]);
    }),
  },
  {
    pat: P.firstCommit,
    marker: true,
    apply: summary((st, m, line) => {
      st.firstCommit = { kind: m[1] as "bad" | "good", hash: m[2], subject: m[3].trim(), line };
      if (m[1] === "good") st.fixSignals++;
      st.log.resultLine = line;
    }),
  },
  { pat: P.cc, apply: summary((st, m) => void st.log.recipientsCc.push(...quotedList(m[1]))) },
  {
    pat: P.recipients,
    apply: summary((st, m) => {
      const list = m[1] === "to" ? st.log.recipientsTo : st.log.recipientsCc;
      list.push(...quotedList(m[2]));
    }),
  },
  {
    pat: P.inconclusive,
    marker: true,
    apply: summary((st, m, line) => {
      if (m[1] === "good") st.fixSignals++;
      st.log.resultLine = line;
      st.mode = "candidates";
      st.candidatesTarget = "result";
    }),
  },
  ...[P.horizonOld, P.horizonOldest, P.horizonNotFixed].map(
    (pat): Rule => ({
      pat,
      apply: summary((st, _m, line, text) => {
        st.horizon = true;
        if (/HEAD|not fixed or/.test(text)) st.fixSignals++;
        if (st.log.resultLine === null || pat !== P.horizonNotFixed) st.log.resultLine = line;
      }),
    }),
  ),
  { pat: P.commitMsg, apply: summary((st, m) => void (st.log.horizonCommitMessage = m[1])) },
  {
    pat: P.error,
    apply: summary((st, m, line) => {
      st.errorParts = [m[1]];
      st.errorEnd = line;
      st.log.resultLine = line;
      st.mode = "error";
    }),
  },
  {
    pat: P.crash,
    apply: summary((st, _m, line) => {
      st.log.resultLine ??= line;
      st.mode = "crash";
    }),
  },
];
