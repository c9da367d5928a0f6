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
  return frameAt(text, pos, loose, "other-stack", 0, null);
}

/** The frame at `pos` of `text` (as parseFrameBody), built directly as a Frame. */
export function frameAt(text: string, pos: number, loose: boolean, section: FrameSection, logLine: number, context: string | null): Frame | null {
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
    section,
    logLine,
    context,
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
