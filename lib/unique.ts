// De-duplicating and searching sorted lists, the one way every module does it. Pure.

/** The distinct items of `xs`, in first-seen order. */
export function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** The distinct items of `xs`, ascending (numbers by value, strings by code unit). */
export function uniqueSorted<T extends number | string>(xs: Iterable<T>): T[] {
  // most line lists come in log order already: then a copy, not a Set and a sort
  if (Array.isArray(xs)) {
    let ascending = true;
    for (let i = 1; i < xs.length && ascending; i++) ascending = xs[i - 1] < xs[i];
    if (ascending) return xs.slice();
  }
  const out = [...new Set(xs)];
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The first index of `sorted` (ascending) whose element is not below `key`: `sorted.length`
 *  when every one is. */
export function lowerBound<T extends number | string>(sorted: readonly T[], key: T): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
