// A range of log lines as URLs carry it: `?L=5-24` (read by the server, so the range is
// highlighted without JavaScript) and the older `#L5-L24` fragment. Pure; shared by the log
// page and its client-side selection.
import { uniqueSorted } from "@/lib/unique";

/** The largest line number a range may name (a 10 MiB log has fewer lines). */
const MAX_LINE = 10_000_000;
const RANGE = /^L?(\d{1,8})(?:-L?(\d{1,8}))?$/;

/** `5`, `5-24`, `L5-L24` (and with a leading `#`) -> [5, 24] in ascending order; else null. */
export function parseLineRange(raw: string | null | undefined): [number, number] | null {
  if (!raw) return null;
  const m = RANGE.exec(raw.startsWith("#") ? raw.slice(1) : raw);
  if (!m) return null;
  const a = Number(m[1]);
  const b = m[2] === undefined ? a : Number(m[2]);
  if (a < 1 || b < 1 || a > MAX_LINE || b > MAX_LINE) return null;
  return a <= b ? [a, b] : [b, a];
}

/** Ascending, de-duplicated lines folded into [first, last] ranges of consecutive numbers. */
export function lineRanges(lines: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const n of uniqueSorted(lines)) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

/** `L5–24` for a range, `L5` for one line. */
export function rangeLabel([a, b]: [number, number]): string {
  return b > a ? `L${a}–${b}` : `L${a}`;
}

/** The log page's URL for one line (`#L7`, which `:target` highlights) or a range
 *  (`?L=5-24#L5`: the server highlights it, the fragment scrolls to its start). */
export function logUrl(id: string, line: number, endLine?: number | null): string {
  const end = endLine ?? line;
  if (end <= line) return `/b/${id}/log#L${line}`;
  return `/b/${id}/log?L=${line}-${end}#L${line}`;
}
