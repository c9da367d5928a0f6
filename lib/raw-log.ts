// A raw log as stored: deflated by the app (migration 20261202040000), or as text in rows stored
// before it. One place writes the bytes and one reads them back.
import { promisify } from "node:util";
import { deflate, deflateSync, inflate, inflateSync } from "node:zlib";

const deflating = promisify(deflate);
const inflating = promisify(inflate);

/** The log's UTF-8 deflated (zlib, level 1: 18.7 MiB of corpus logs to 3.7 MiB in 0.22 s of one
 *  core; level 6 gains 8% more for 45% more time). */
export function deflateLog(text: string): Buffer {
  return deflateSync(Buffer.from(text, "utf8"), { level: 1 });
}

/** deflateLog off the event loop (zlib's thread pool), for the server: a 10 MiB log is about
 *  100 ms of deflating that other requests need not wait for. */
export function deflateLogAsync(text: string): Promise<Buffer> {
  return deflating(Buffer.from(text, "utf8"), { level: 1 });
}

/** storedLogText off the event loop, for the server's pages. */
export async function storedLogTextAsync(row: { text: string | null; deflated: Uint8Array | null }): Promise<string> {
  if (row.text !== null || row.deflated === null) return storedLogText(row);
  return (await inflating(row.deflated)).toString("utf8");
}

/** A stored row's text, whichever form it was stored in. */
export function storedLogText(row: { text: string | null; deflated: Uint8Array | null }): string {
  if (row.text !== null) return row.text;
  if (row.deflated === null) throw new Error("raw_log row holds neither text nor deflated bytes");
  return inflateSync(row.deflated).toString("utf8");
}

/** Lines `from`..`to` (1-based, inclusive) of `text`, joined by newlines: what PostgreSQL's
 *  `array_to_string((string_to_array(text, E'\n'))[from:to], E'\n')` gives ("" where it gives
 *  NULL). `starts` are the offsets of the text's lines (lineStarts), shared between ranges. */
export function linesBetween(text: string, starts: number[], from: number, to: number): string {
  const a = Math.max(from, 1);
  const b = Math.min(to, starts.length);
  if (a > b) return "";
  const end = b < starts.length ? starts[b] - 1 : text.length;
  return text.slice(starts[a - 1], end);
}

/** Where each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}
