// Texts that are not bisection logs: say what the text looked like, and what a log starts with.
// Called only when no bisection line was found anywhere in the text.
const EXPECTED =
  'a syzbot bisection log starts with "bisecting cause commit starting from <sha>" or "bisecting fixing commit since <sha>"';

const SHAPES: { re: RegExp; what: string }[] = [
  // a crash report: console oops lines (`BUG: KASAN: ...`, `------------[ cut here ]------------`)
  { re: /^(?:\[ *\d+\.\d+\]\s*(?:\[ *[CT]\d+\]\s*)?)?(?:BUG:|WARNING:|INFO:|KASAN:|UBSAN:|KMSAN:|KCSAN:|-+\[ cut here \]-+|general protection fault|kernel BUG|Kernel panic|Unable to handle kernel|Internal error:|divide error|unreferenced object|={20,}|Call Trace:|Call trace:)/, what: "a bare kernel crash report" },
  // syzbot's error.txt: `bisection is taking too long (>8h0m0s), aborting`
  { re: /^(?:error: )?(?:bisection is taking too long|syzkaller build failed|the crash wasn't reproduced|failed to run |kernel clean failed|no release tags|bisection is not implemented|config minimization|repro testing failure|unable to determine the verdict|no result for culprit|couldn't get repo HEAD|expected 1 merge base)/, what: "a syzbot error text (error.txt)" },
  { re: /^[\w./+-]+:\d+(?::\d+)?: (?:fatal )?error: /, what: "a compiler error (a syzbot error.txt)" },
  { re: /^[\w.+-]+: fatal error: /, what: "a compiler error (a syzbot error.txt)" },
  // `git log` output
  { re: /^commit [0-9a-f]{40}\b/, what: "`git log` output" },
];

function quote(line: string): string {
  const s = line.length > 80 ? `${line.slice(0, 77)}...` : line;
  return JSON.stringify(s);
}

/** The rejection for a text with no bisection line. */
export function rejection(lines: string[]): { reason: string; line: number | null } {
  let first = -1;
  for (let i = 0; i < lines.length && i < 100_000; i++) {
    if (lines[i].trim() !== "") {
      first = i;
      break;
    }
  }
  if (first < 0) {
    const what = lines.length <= 1 && lines[0] === "" ? "the text is empty" : "the text has only blank lines";
    return { reason: `${what}, not a bisection log: ${EXPECTED}`, line: null };
  }
  // look at the first few non-blank lines: a report may start with context lines
  let seen = 0;
  for (let i = first; i < lines.length && seen < 8; i++) {
    const t = lines[i].trim();
    if (t === "") continue;
    seen++;
    const capped = t.length > 4096 ? t.slice(0, 4096) : t;
    for (const s of SHAPES) {
      if (s.re.test(capped)) return { reason: `this looks like ${s.what} (line ${i + 1}: ${quote(t)}), not a bisection log: ${EXPECTED}`, line: i + 1 };
    }
  }
  const t = lines[first].trim();
  return { reason: `this does not look like a syzbot bisection log (line ${first + 1}: ${quote(t)}): ${EXPECTED}`, line: first + 1 };
}
