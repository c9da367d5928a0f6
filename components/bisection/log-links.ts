// Links into the raw log view: `/b/<id>/log#L<n>` for a line, `?L=<a>-<b>#L<a>` for a range
// (lib/log-range.ts), so a linked range is highlighted without JavaScript.
import { logUrl } from "@/lib/log-range";

export const logHref = logUrl;

/** Ascending, de-duplicated lines folded into [first, last] ranges of consecutive numbers. */
export function lineRanges(lines: number[]): [number, number][] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const out: [number, number][] = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

export function rangeLabel([a, b]: [number, number]): string {
  return b > a ? `L${a}–${b}` : `L${a}`;
}
