// What "the same log" means: line endings and trailing whitespace do not count. The stored
// text is the normalized one, so its line numbers are the parser's line numbers.
import { createHash } from "node:crypto";

/** The largest log accepted: syzbot itself caps stored logs at 10 MB. */
export const MAX_LOG_BYTES = 10 * 1024 * 1024;

export function normalizeLog(text: string): string {
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) lines[i] = lines[i].replace(/\s+$/, "");
  let end = lines.length;
  while (end > 0 && lines[end - 1] === "") end--;
  return lines.slice(0, end).join("\n") + "\n";
}

export function contentHash(normalized: string): string {
  return createHash("sha256").update(normalized).digest("hex");
}

/** The permalink id: the first 12 hex of the content hash (like a short git hash). */
export function bisectionIdFor(hash: string): string {
  return hash.slice(0, 12);
}
