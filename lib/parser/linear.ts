// Hand-written matchers for the rules whose natural regex backtracks on attacker-chosen text
// (a lazy group before `\s*$`, `\s+` before `.*?`, a greedy group retried at every separator
// when a CR or U+2028 stops `.` before `$`). Each one is exact: `source` is the regex it
// implements, and linear.test.ts checks the matcher against `new RegExp(source)` on random
// text and on every line of the corpus. Each reads its line a bounded number of times.
// JavaScript `.` stops at the line terminators LF, CR, U+2028 and U+2029; `\s` is the set
// `String.prototype.trimEnd` strips.

/** The RegExp surface the parser uses (`exec`, `test`, `source`), so a rule may hold either. */
export interface LineMatcher {
  /** the regex this matcher is equivalent to (documentation and test oracle, never compiled here) */
  readonly source: string;
  lastIndex: number;
  exec(text: string): RegExpExecArray | null;
  test(text: string): boolean;
}

export function matcher(source: string, exec: (text: string) => (string | undefined)[] | null): LineMatcher {
  return {
    source,
    lastIndex: 0,
    exec: (text) => exec(text) as RegExpExecArray | null,
    test: (text) => exec(text) !== null,
  };
}

function isTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** JavaScript `\s` for one code unit. */
export function isJsSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Index after the last non-`\s` char of text[from..] (from when there is none). */
function endOfContent(text: string, from: number): number {
  let z = text.length;
  while (z > from && isJsSpace(text.charCodeAt(z - 1))) z--;
  return z;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
  return i;
}

function hasTerminator(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isTerminator(text.charCodeAt(i))) return true;
  return false;
}

function endOfNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isJsSpace(text.charCodeAt(i))) i++;
  return i;
}

/** `^(.+?) starts bisection (\d{4}-\d\d-\d\d .*)$`: `.` and `$` admit no terminator anywhere,
 *  then the first ` starts bisection ` (after one char at least) followed by a date wins. */
export const hostLine = matcher("^(.+?) starts bisection (\\d{4}-\\d\\d-\\d\\d .*)$", (text) => {
  if (hasTerminator(text, 0, text.length)) return null;
  const sep = " starts bisection ";
  for (let at = text.indexOf(sep, 1); at >= 0; at = text.indexOf(sep, at + 1)) {
    const d = at + sep.length;
    if (DATE.test(text.slice(d, d + 11))) return [text, text.slice(0, at), text.slice(d)];
  }
  return null;
});
const DATE = /^\d{4}-\d\d-\d\d $/;

/** `^failed building (\S+?):\s?(.*)$`: the first `:` of the hash run (after one char) unless a
 *  terminator follows the run; then only a run ending in `:` right before the one terminator. */
export const failedBuildingLine = matcher("^failed building (\\S+?):\\s?(.*)$", (text) => {
  const from = 16;
  if (!text.startsWith("failed building ")) return null;
  const e = endOfNonSpace(text, from);
  const tail = (p: number) => (p + 1 < text.length && isJsSpace(text.charCodeAt(p + 1)) ? p + 2 : p + 1);
  const colon = text.indexOf(":", from + 1);
  if (colon >= 0 && colon < e) {
    const rest = tail(colon);
    if (!hasTerminator(text, rest, text.length)) return [text, text.slice(from, colon), text.slice(rest)];
  }
  // a later `:` only helps when it ends the run and a terminator right after it is eaten by `\s?`
  if (e - 1 > from && text.charCodeAt(e - 1) === 58 && e - 1 !== colon && !hasTerminator(text, e + 1, text.length)) {
    return [text, text.slice(from, e - 1), text.slice(tail(e - 1))];
  }
  return null;
});

/** `^representative crash: (.*), types: \[(.*)\]\s*$`: the last non-blank char is `]`, the text
 *  before it has no terminator, and the last `, types: [` before it splits title and types. */
export const representativeLine = matcher("^representative crash: (.*), types: \\[(.*)\\]\\s*$", (text) => {
  const from = 22;
  if (!text.startsWith("representative crash: ")) return null;
  const z = endOfContent(text, from) - 1;
  if (z < from || text.charCodeAt(z) !== 93 || hasTerminator(text, from, z)) return null;
  const body = text.slice(from, z);
  const q = body.lastIndexOf(", types: [");
  if (q < 0) return null;
  return [text, body.slice(0, q), body.slice(q + 10)];
});

/** `^Date:\s+(.*?)\s*$`: blanks, then the date up to its last non-blank char, without terminators. */
export const dateLine = matcher("^Date:\\s+(.*?)\\s*$", (text) => {
  if (!text.startsWith("Date:") || text.length < 6 || !isJsSpace(text.charCodeAt(5))) return null;
  const j = skipSpace(text, 5);
  const z = endOfContent(text, j);
  if (hasTerminator(text, j, z)) return null;
  return [text, text.slice(j, z)];
});

/** `^Author:\s+(.*?)(?: <([^>]*)>)?\s*$`: after the blanks, the shortest name such that the rest
 *  is ` <email>` (no `>` inside) plus blanks, or only blanks; the name has no terminator. */
export const authorLine = matcher("^Author:\\s+(.*?)(?: <([^>]*)>)?\\s*$", (text) => {
  if (!text.startsWith("Author:") || text.length < 8 || !isJsSpace(text.charCodeAt(7))) return null;
  const j = skipSpace(text, 7);
  const m = authorFrom(text, j);
  if (m !== null) return m;
  // `\s+` gives back its last blank when that blank is the space of ` <email>`
  if (j - 1 > 7 && text.charCodeAt(j - 1) === 32 && text.charCodeAt(j) === 60) return emailAt(text, j - 1, j - 1);
  return null;
});

/** ` <E>` + blanks at `at` (E without `>`), the name being text[j..at). */
function emailAt(text: string, j: number, at: number): string[] | null {
  const z = endOfContent(text, at) - 1;
  if (z <= at + 1 || text.charCodeAt(z) !== 62) return null;
  const close = text.indexOf(">", at + 2);
  if (close !== z) return null;
  return [text, text.slice(j, at), text.slice(at + 2, z)];
}

function authorFrom(text: string, j: number): string[] | null {
  const z = endOfContent(text, j);
  // the email form needs the last non-blank char to be `>` and its ` <` after any other `>`
  if (z > j && text.charCodeAt(z - 1) === 62) {
    const prevClose = text.lastIndexOf(">", z - 2);
    const from = Math.max(j, prevClose - 1);
    for (let at = text.indexOf(" <", from); at >= 0 && at + 1 < z - 1; at = text.indexOf(" <", at + 1)) {
      if (at + 2 <= prevClose) continue;
      if (hasTerminator(text, j, at)) break;
      return [text, text.slice(j, at), text.slice(at + 2, z - 1)];
    }
  }
  if (hasTerminator(text, j, z)) return null;
  return [text, text.slice(j, z), undefined as unknown as string];
}

/** `^first (bad|good) commit: (\S+) ?(.*)$`: the hash is the whole run of non-blanks (a shorter
 *  one leaves a non-blank where ` ?(.*)$` would need the same terminator-free tail). */
export const firstCommitLine = matcher("^first (bad|good) commit: (\\S+) ?(.*)$", (text) => {
  const kind = text.startsWith("first bad commit: ") ? "bad" : text.startsWith("first good commit: ") ? "good" : null;
  if (kind === null) return null;
  const from = kind === "bad" ? 18 : 19;
  const e = endOfNonSpace(text, from);
  if (e === from) return null;
  const rest = text.charCodeAt(e) === 32 ? e + 1 : e;
  if (hasTerminator(text, rest, text.length)) return null;
  return [text, kind, text.slice(from, e), text.slice(rest)];
});

/** `^\[<[0-9a-f]+>\] \((.*?)\) from \[<[0-9a-f]+>\] \((.*)\)\s*$` (arm32 backtrace): the last
 *  non-blank char is `)`, nothing before it is a terminator, the first `) from [<hex>] (` splits. */
export const arm32Line = matcher("^\\[<[0-9a-f]+>\\] \\((.*?)\\) from \\[<[0-9a-f]+>\\] \\((.*)\\)\\s*$", (text) => {
  const from = addressParen(text, 0);
  if (from < 0) return null;
  const z = endOfContent(text, from) - 1;
  if (z < from || text.charCodeAt(z) !== 41 || hasTerminator(text, from, z)) return null;
  for (let c = text.indexOf(") from [<", from); c >= 0 && c < z; c = text.indexOf(") from [<", c + 1)) {
    const k = addressParen(text, c + 7);
    if (k >= 0 && k <= z) return [text, text.slice(from, c), text.slice(k, z)];
  }
  return null;
});

/** `[<hex>] (` at `at`: the index after it, or -1. */
function addressParen(text: string, at: number): number {
  if (text.charCodeAt(at) !== 91 || text.charCodeAt(at + 1) !== 60) return -1;
  let i = at + 2;
  while (i < text.length && isHexDigit(text.charCodeAt(i))) i++;
  if (i === at + 2 || !text.startsWith(">] (", i)) return -1;
  return i + 4;
}

function isHexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}
