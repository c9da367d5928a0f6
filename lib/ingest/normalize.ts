// What "the same log" means: line endings, trailing whitespace and leading blank lines do not count. The stored
// text is the normalized one (leading blank lines kept), so its line numbers are the parser's line numbers.
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

/** Leading blank lines of a normalized text (each line is already trimmed, so a blank one is a
 *  bare newline): a paste that picked up an empty line or two above the log. */
function leadingBlankLines(normalized: string): number {
  let i = 0;
  while (i < normalized.length - 1 && normalized.charCodeAt(i) === 10) i++;
  return i;
}

/** A log's identity: the content hash of its normalized text without leading blank lines, so a
 *  paste with an empty line above the log is the same log, at the same permalink (the stored
 *  text keeps them, so its line numbers are the sender's). For every other text this is
 *  contentHash(normalized), the hash every stored id was computed with. */
export function logHash(normalized: string): string {
  return contentHash(normalized.slice(leadingBlankLines(normalized)));
}

/** The hash a log with leading blank lines was stored under before logHash dropped them (the
 *  content hash of the whole normalized text), so an upload still finds that row; null for a
 *  text without them, whose two hashes are one. */
export function legacyLogHash(normalized: string): string | null {
  return leadingBlankLines(normalized) > 0 ? contentHash(normalized) : null;
}

/** The permalink id: the first 12 hex of the content hash (like a short git hash). */
export function bisectionIdFor(hash: string): string {
  return hash.slice(0, 12);
}
