// What "the same log" means: line endings and trailing whitespace do not count. The stored
// text is the normalized one, so its line numbers are the parser's line numbers.
import { createHash } from "node:crypto";

/** The largest log accepted: syzbot itself caps stored logs at 10 MB. */
export const MAX_LOG_BYTES = 10 * 1024 * 1024;

/** Drops trailing whitespace of every line and trailing empty lines; ends with one newline.
 *  "Whitespace" is exactly JavaScript's `\s` (WhiteSpace and LineTerminator of ECMA-262), the
 *  set `String.prototype.trimEnd` strips: the ids of every stored log were computed with
 *  `/\s+$/` per line, which backtracks quadratically on a long run of spaces inside a line;
 *  trimEnd scans each line once from its end (normalize.test.ts checks both sets agree). */
export function normalizeLog(text: string): string {
  const lines = text.split("\n");
  let end = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trimEnd();
    lines[i] = line;
    if (line !== "") end = i + 1;
  }
  lines.length = end;
  return lines.join("\n") + "\n";
}

export function contentHash(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}

/** The permalink id: the first 12 hex of the content hash (like a short git hash). */
export function bisectionIdFor(hash: string): string {
  return hash.slice(0, 12);
}
