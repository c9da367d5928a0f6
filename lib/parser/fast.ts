// Hand-written matchers for the most frequent lines (`run #N: ...`, `all runs: ...`,
// `compiler: ...`, run verdicts, diffstat and `create mode` lines). Each one only
// ever *accepts* a line its patterns.ts regex matches, with the same groups; when in doubt it
// returns null and the dispatcher runs the regex (fast.test.ts checks both on the corpus).
// `plain`: the text has no CR, U+2028 or U+2029 (regex `.` stops at those).
import { RUN_OUTCOME, RUN_OUTCOMES } from "@/lib/domain/words";
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

/** P.compiler `^compiler: (.*?)\s*$` */
function compiler(text: string, plain: boolean): RegExpExecArray | null {
  if (!plain || text.length <= 10 || !visible(text.charCodeAt(text.length - 1))) return null;
  return groups(text, text.slice(10));
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

const VERDICT_WORDS = RUN_OUTCOMES.map((o) => RUN_OUTCOME[o].log);

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
  [P.diffstat, diffstat],
  [P.createDelete, createDelete],
  [P.run, run],
  [P.allRuns, allRuns],
  [P.compiler, compiler],
]);
