// One stack frame line of a symbolized report (§8.3): `func+0xOFF/0xSIZE path:line [module]`,
// inline `func path:line [inline]`, `? ` unreliable, `[<hex>]` address prefixes, the old
// `func path:line` without offset (2017 KMSAN) and a trailing `()`. Prefixes (`RIP: 0010:`,
// `WARNING: CPU: ... at F:L `, `pc : `, lockdep `at: `) are stripped by crash.ts first.
import { FP } from "./patterns";
import type { Frame, FrameSection } from "./types";

export type FrameBody = Pick<Frame, "function" | "offset" | "size" | "file" | "line" | "inline" | "module" | "unreliable">;

/** Parses a frame starting at `pos` of `text`; null when it is no frame. `loose` accepts a bare
 *  function name (the callee of an arm32 backtrace line). */
const BODY = FP.body.re;

export function parseFrameBody(text: string, pos: number, loose = false): FrameBody | null {
  const re = BODY;
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m) return null;
  const hasOffset = m[5] !== undefined;
  const hasFile = m[7] !== undefined;
  if (!hasOffset && !hasFile && !loose) return null;
  if (m[9] !== undefined && !hasFile) return null; // `[inline]` always follows path:line
  const end = pos + m[0].length;
  if (end < text.length) {
    const c = text.charCodeAt(end);
    // the frame must end here: space, tab, `(`, `)` (arm32 parentheses, trailing `()`), `,`
    if (c !== 32 && c !== 9 && c !== 40 && c !== 41 && c !== 44) return null;
  }
  return {
    function: m[4],
    offset: hasOffset ? parseInt(m[5], 16) : null,
    size: hasOffset ? parseInt(m[6], 16) : null,
    file: hasFile ? m[7] : null,
    line: hasFile ? Number(m[8]) : null,
    inline: m[9] !== undefined,
    module: m[10] ?? null,
    unreliable: m[1] !== undefined || m[3] !== undefined,
  };
}

/** JS `\s`. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `[\w.$]` */
function nameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 36;
}

function hexDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}

function hexEnd(t: string, i: number, n: number): number {
  while (i < n && hexDigit(t.charCodeAt(i))) i++;
  return i;
}

/** `parseInt(t.slice(from, to), 16)`, without the slice for short numbers. */
function hexValue(t: string, from: number, to: number): number {
  if (to - from > 12) return parseInt(t.slice(from, to), 16);
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = t.charCodeAt(i);
    v = v * 16 + (c <= 57 ? c - 48 : c - 87);
  }
  return v;
}

/** `frame(parseFrameBody(text, pos, loose), ...)` by hand, without the regex (FP.body) and the
 *  intermediate object; frames.test.ts checks both agree on every report line of the corpus. */
export function frameAt(t: string, pos: number, loose: boolean, section: FrameSection, logLine: number, context: string | null): Frame | null {
  const n = t.length;
  let i = pos;
  let unreliable = false;
  if (i + 1 < n && t.charCodeAt(i) === 63 && t.charCodeAt(i + 1) === 32) (unreliable = true), (i += 2);
  // (?:\[<[0-9a-fx]+>\]\s*)*
  while (i + 1 < n && t.charCodeAt(i) === 91 && t.charCodeAt(i + 1) === 60) {
    let j = i + 2;
    for (let c = 0; j < n && (hexDigit((c = t.charCodeAt(j))) || c === 120); ) j++;
    if (j === i + 2 || j + 1 >= n || t.charCodeAt(j) !== 62 || t.charCodeAt(j + 1) !== 93) break;
    j += 2;
    while (j < n && isSpace(t.charCodeAt(j))) j++;
    i = j;
  }
  if (i + 1 < n && t.charCodeAt(i) === 63 && t.charCodeAt(i + 1) === 32) (unreliable = true), (i += 2);
  // [A-Za-z_.$][\w.$]*(?:::[\w.$<>]+)*
  if (i >= n) return null;
  const c0 = t.charCodeAt(i);
  if (!nameChar(c0) || (c0 >= 48 && c0 <= 57)) return null;
  const nameFrom = i++;
  while (i < n && nameChar(t.charCodeAt(i))) i++;
  for (let c = 0; i + 2 < n && t.charCodeAt(i) === 58 && t.charCodeAt(i + 1) === 58 && (nameChar((c = t.charCodeAt(i + 2))) || c === 60 || c === 62); ) {
    i += 3;
    while (i < n && (nameChar((c = t.charCodeAt(i))) || c === 60 || c === 62)) i++;
  }
  const nameEnd = i;
  // (?:\+0x([0-9a-f]+)\/0x([0-9a-f]+))?
  let offset: number | null = null;
  let size: number | null = null;
  if (t.startsWith("+0x", i)) {
    const j = hexEnd(t, i + 3, n);
    if (j > i + 3 && t.startsWith("/0x", j)) {
      const k = hexEnd(t, j + 3, n);
      if (k > j + 3) (offset = hexValue(t, i + 3, j)), (size = hexValue(t, j + 3, k)), (i = k);
    }
  }
  // (?: ([^\s:()[\]]+):(-?\d+))?
  let file: string | null = null;
  let line: number | null = null;
  if (i < n && t.charCodeAt(i) === 32) {
    let j = i + 1;
    for (let c = 0; j < n && !isSpace((c = t.charCodeAt(j))) && c !== 58 && c !== 40 && c !== 41 && c !== 91 && c !== 93; ) j++;
    if (j > i + 1 && j < n && t.charCodeAt(j) === 58) {
      let k = j + 1;
      if (k < n && t.charCodeAt(k) === 45) k++;
      const d = k;
      for (let c = 0; k < n && (c = t.charCodeAt(k)) >= 48 && c <= 57; ) k++;
      if (k > d) (file = t.slice(i + 1, j)), (line = Number(t.slice(j + 1, k))), (i = k);
    }
  }
  // ( \[inline\])?(?: \[([\w.-]+)(?: [^\]]*)?\])?
  const inline = t.startsWith(" [inline]", i);
  if (inline) i += 9;
  let module: string | null = null;
  if (i + 1 < n && t.charCodeAt(i) === 32 && t.charCodeAt(i + 1) === 91) {
    let j = i + 2;
    for (let c = 0; j < n && (nameChar((c = t.charCodeAt(j))) || c === 45) && c !== 36; ) j++;
    if (j > i + 2 && j < n) {
      const cj = t.charCodeAt(j);
      const close = cj === 93 ? j : cj === 32 ? t.indexOf("]", j) : -1;
      if (close >= 0) (module = t.slice(i + 2, j)), (i = close + 1);
    }
  }
  if (offset === null && file === null && !loose) return null;
  if (inline && file === null) return null;
  if (i < n) {
    const c = t.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 40 && c !== 41 && c !== 44) return null;
  }
  return { function: t.slice(nameFrom, nameEnd), offset, size, file, line, inline, module, unreliable, section, logLine, context };
}

export function frame(b: FrameBody, section: FrameSection, logLine: number, context: string | null): Frame {
  return {
    function: b.function, offset: b.offset, size: b.size, file: b.file, line: b.line, inline: b.inline,
    module: b.module, unreliable: b.unreliable, section, logLine, context,
  };
}

/** Drops a trailing CR (CRLF logs) and trailing blanks; cheap when there are none. */
export function stripEnd(line: string): string {
  let end = line.length;
  while (end > 0) {
    const c = line.charCodeAt(end - 1);
    if (c !== 13 && c !== 32 && c !== 9) break;
    end--;
  }
  return end === line.length ? line : line.slice(0, end);
}

/** True for an empty or whitespace-only line (without allocating a trimmed copy). */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** Index of the first non-blank character. */
export function skipBlanks(text: string, pos = 0): number {
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}
