// Hand-written matchers for the most frequent lines (`run #N: ...`, `all runs: ...`,
// `kernel signature: ...`, `compiler: ...`, `# git bisect good|bad|skip ...`, `testing commit`,
// `[sha] subject`, `Bisecting: N revisions left`, diffstat and `create mode` lines). Each one only
// ever *accepts* a line its patterns.ts regex matches, with the same groups; when in doubt it
// returns null and the dispatcher runs the regex (fast.test.ts checks both on the corpus).
// `plain`: the text has no CR, U+2028 or U+2029 (regex `.` stops at those).
import { P, type Pattern } from "./patterns";

export type FastMatch = (text: string, plain: boolean) => RegExpExecArray | null;

function groups(...g: (string | undefined)[]): RegExpExecArray {
  return g as unknown as RegExpExecArray;
}

/** Visible ASCII: neither `\s` nor a char outside ASCII. */
function visible(c: number): boolean {
  return c > 32 && c < 127;
}

/** End of the run of decimal digits at `i`. */
function digits(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    i++;
  }
  return i;
}

/** End of the run of lower-case hex digits at `i`. */
function hexRun(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) break;
    i++;
  }
  return i;
}

/** End of the run of visible ASCII at `i`. */
function visibleRun(text: string, i: number): number {
  const n = text.length;
  while (i < n && visible(text.charCodeAt(i))) i++;
  return i;
}

/** End of `text` without trailing spaces, from `from`; -1 when a char other than visible ASCII
 *  or space is in text[from..] (the caller then leaves the line to the regex). */
function asciiEnd(text: string, from: number): number {
  let end = from;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32) {
      if (c < 32 || c > 126) return -1;
      end = i + 1;
    }
  }
  return end;
}

/** P.run `^run #(\d+): (.*)$` */
function run(text: string, plain: boolean): RegExpExecArray | null {
  if (!plain) return null;
  const i = digits(text, 5);
  if (i === 5 || i + 1 >= text.length || text.charCodeAt(i) !== 58 || text.charCodeAt(i + 1) !== 32) return null;
  return groups(text, text.slice(5, i), text.slice(i + 2));
}

/** P.allRuns `^all runs: (.*)$` */
function allRuns(text: string, plain: boolean): RegExpExecArray | null {
  return plain ? groups(text, text.slice(10)) : null;
}

/** P.kernelSignature `^kernel signature:\s+([0-9a-f]+)\s*$` (the line has no trailing blanks) */
function kernelSignature(text: string): RegExpExecArray | null {
  const n = text.length;
  let i = 17;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const from = i;
  i = hexRun(text, i);
  if (from === 17 || i === from || i !== n) return null;
  return groups(text, text.slice(from));
}

/** P.compiler `^compiler: (.*?)\s*$` */
function compiler(text: string, plain: boolean): RegExpExecArray | null {
  if (!plain || text.length <= 10 || !visible(text.charCodeAt(text.length - 1))) return null;
  return groups(text, text.slice(10));
}

/** P.gitVerdict `^# git bisect (good|bad|skip) (\S+)` */
function gitVerdict(text: string): RegExpExecArray | null {
  const n = text.length;
  if (n < 15) return null;
  const c = text.charCodeAt(13);
  const word = c === 103 ? "good" : c === 98 ? "bad" : c === 115 ? "skip" : "";
  if (word === "" || 14 + word.length >= n || !text.startsWith(word, 13) || text.charCodeAt(13 + word.length) !== 32) return null;
  const from = 14 + word.length;
  let i = from;
  while (i < n && visible(text.charCodeAt(i))) i++;
  if (i === from || (i < n && text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9)) return null;
  return groups(text.slice(0, i), word, text.slice(from, i));
}

/** P.testingCommit `^testing commit (\S+)(?: with (.+?)| (\S+))?\s*$` */
function testingCommit(text: string): RegExpExecArray | null {
  const end = asciiEnd(text, 15);
  const i = visibleRun(text, 15);
  if (end < 0 || i === 15) return null;
  const sha = text.slice(15, i);
  if (i >= end) return groups(text, sha, undefined, undefined);
  if (text.startsWith(" with ", i)) return end > i + 6 ? groups(text, sha, text.slice(i + 6, end), undefined) : null;
  const j = visibleRun(text, i + 1);
  if (j === i + 1 || j < end) return null;
  return groups(text, sha, undefined, text.slice(i + 1, j));
}

/** P.gitSubject `^\[([0-9a-f]{40})\] ?(.*)$` */
function gitSubject(text: string, plain: boolean): RegExpExecArray | null {
  if (!plain || text.length < 42 || hexRun(text, 1) !== 41 || text.charCodeAt(41) !== 93) return null;
  return groups(text, text.slice(1, 41), text.slice(text.length > 42 && text.charCodeAt(42) === 32 ? 43 : 42));
}

/** P.gitBisecting `^Bisecting: (?:(\d+) revisions? left to test|...)` (the first form only) */
function gitBisecting(text: string): RegExpExecArray | null {
  const i = digits(text, 11);
  if (i === 11 || !text.startsWith(" revision", i)) return null;
  const j = i + 9 < text.length && text.charCodeAt(i + 9) === 115 ? i + 10 : i + 9;
  if (!text.startsWith(" left to test", j)) return null;
  return groups(text.slice(0, j + 13), text.slice(11, i));
}

/** P.diffstat `^ ([^|]+)\| +(?:(\d+)(?: ([+-]*))?|Bin\b.*)$` (the counted form only) */
function diffstat(text: string): RegExpExecArray | null {
  const bar = text.indexOf("|");
  const n = text.length;
  if (bar < 2 || text.charCodeAt(0) !== 32 || bar + 1 >= n || text.charCodeAt(bar + 1) !== 32) return null;
  let i = bar + 1;
  while (i < n && text.charCodeAt(i) === 32) i++;
  const d = digits(text, i);
  if (d === i) return null;
  const name = text.slice(1, bar);
  if (d === n) return groups(text, name, text.slice(i, d), undefined);
  if (text.charCodeAt(d) !== 32) return null;
  for (let k = d + 1; k < n; k++) if (text.charCodeAt(k) !== 43 && text.charCodeAt(k) !== 45) return null;
  return groups(text, name, text.slice(i, d), text.slice(d + 1));
}

/** P.createDelete `^ (create|delete) mode \d+ (.+?)\s*$` */
function createDelete(text: string, plain: boolean): RegExpExecArray | null {
  const kind = text.startsWith(" create mode ") ? "create" : text.startsWith(" delete mode ") ? "delete" : "";
  const d = digits(text, 13);
  if (!plain || kind === "" || d === 13 || d >= text.length || text.charCodeAt(d) !== 32) return null;
  let end = text.length;
  while (end > d + 1 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end === d + 1 || !visible(text.charCodeAt(end - 1))) return null;
  return groups(text, kind, text.slice(d + 1, end));
}

const VERDICT_WORDS = ["OK", "crashed", "boot failed", "basic kernel testing failed", "infra problem", "ignore", "failed"];

/** VERDICT `^(OK|crashed|...|failed)(?:: ?(.*))?$` on a text without CR, U+2028, U+2029;
 *  null: no match. */
export function verdict(text: string): RegExpExecArray | null {
  for (const w of VERDICT_WORDS) {
    if (!text.startsWith(w)) continue;
    const n = w.length;
    if (text.length === n) return groups(text, w, undefined);
    if (text.charCodeAt(n) === 58) return groups(text, w, text.slice(n + 1 < text.length && text.charCodeAt(n + 1) === 32 ? n + 2 : n + 1));
  }
  return null;
}

export const diffstatFast = diffstat;
export const createDeleteFast = createDelete;

export const FAST = new Map<Pattern, FastMatch>([
  [P.testingCommit, testingCommit],
  [P.gitSubject, gitSubject],
  [P.gitBisecting, gitBisecting],
  [P.diffstat, diffstat],
  [P.createDelete, createDelete],
  [P.run, run],
  [P.allRuns, allRuns],
  [P.kernelSignature, kernelSignature],
  [P.compiler, compiler],
  [P.gitVerdict, gitVerdict],
]);
