// Lines of a (possibly 10 MB) log without splitting all of it.

/** Lines `from`..`to` (1-based, inclusive) joined with "\n". */
export function sliceLines(text: string, from: number, to: number): string {
  let start = 0;
  for (let n = 1; n < from; n++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) return "";
    start = nl + 1;
  }
  let end = start;
  for (let n = from; n <= to; n++) {
    const nl = text.indexOf("\n", end);
    if (nl < 0) return text.slice(start);
    end = nl + 1;
  }
  return text.slice(start, end - 1);
}
