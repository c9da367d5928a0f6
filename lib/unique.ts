// De-duplicating lists, the one way every module does it. Pure.

/** The distinct items of `xs`, in first-seen order. */
export function unique<T>(xs: Iterable<T>): T[] {
  return [...new Set(xs)];
}

/** The distinct items of `xs`, ascending (numbers by value, strings by code unit). */
export function uniqueSorted<T extends number | string>(xs: Iterable<T>): T[] {
  const out = [...new Set(xs)];
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
