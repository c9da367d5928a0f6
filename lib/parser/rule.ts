// A rule ties one pattern of patterns.ts to what the line means. Rules live in the section
// modules (header.ts, test-block.ts, ...); index.ts indexes them by the first two characters of
// their prefix.
import type { Pattern } from "./patterns";
import { warnUnplaced, type State } from "./state";

export interface Rule {
  pat: Pattern;
  /** record the line; return false to decline it (it then continues the open record) */
  apply: (st: State, m: RegExpExecArray, line: number, text: string) => boolean | void;
  /** a line only a bisection log has: counts against rejecting the text */
  marker?: boolean;
}

/** Closes whatever multi-line record is open, before a new head is recorded. */
export function closeRecord(st: State): void {
  if (st.mode === "run" && st.run) trimRunTitle(st.run);
  if (st.step && st.step.buildError !== null) st.step.buildError = trimEndLines(st.step.buildError);
  st.run = null;
  if (st.stray.length > 0) {
    for (const s of st.stray) warnUnplaced(st, s.line, s.text);
    st.stray.length = 0;
  }
  st.mode = st.step && st.step.runs.length === 0 && !st.step.allRuns && st.step.buildError === null ? "step" : "top";
}

function trimRunTitle(run: { title: string | null }): void {
  if (run.title !== null) run.title = trimEndLines(run.title);
}

/** Drops trailing empty lines of a joined multi-line record. */
export function trimEndLines(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 10 || s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  return end === s.length ? s : s.slice(0, end);
}
