// The linear rules give exactly what the backtracking regexes they replaced gave: on random text
// built from each rule's own pieces (blanks of every kind, CR, U+2028, separators), on edge cases
// and on every line of the corpus and goldens. The old regexes are kept here as the specification.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isJsSpace, type LineMatcher } from "./linear";
import { DURATION_TERM, FP, P } from "./patterns";
import { durationSeconds, quotedList } from "./result";

const OLD: [string, LineMatcher, RegExp, string[]][] = [
  ["host", P.host.re, /^(.+?) starts bisection (\d{4}-\d\d-\d\d .*)$/, ["ci", "", " starts bisection ", "2021-01-01 ", "2021-01-0", "x"]],
  ["testingCommit", P.testingCommit.re, /^testing commit (\S+)(?: with (.+?)| (\S+))?\s*$/, ["testing commit ", " with ", "with", "gcc", "x"]],
  ["compiler", P.compiler.re, /^compiler: (.*?)\s*$/, ["compiler: ", "gcc", "x"]],
  ["failedBuilding", P.failedBuilding.re, /^failed building (\S+?):\s?(.*)$/, ["failed building ", ":", "::", "ab", "x"]],
  ["representative", P.representative.re, /^representative crash: (.*), types: \[(.*)\]\s*$/, ["representative crash: ", ", types: [", "]", "[", "HANG", ","]],
  ["commitAuthor", P.commitAuthor.re, /^Author:\s+(.*?)(?: <([^>]*)>)?\s*$/, ["Author:", "Author: ", " <", "<", ">", "a@b", "x"]],
  ["commitDate", P.commitDate.re, /^Date:\s+(.*?)\s*$/, ["Date:", "Date: ", "Mon", "x"]],
  ["createDelete", P.createDelete.re, /^ (create|delete) mode \d+ (.+?)\s*$/, [" create mode ", " delete mode ", "100644 ", "1", "a.c", "x"]],
  ["firstCommit", P.firstCommit.re, /^first (bad|good) commit: (\S+) ?(.*)$/, ["first bad commit: ", "first good commit: ", "abc", "x"]],
  ["arm32", FP.arm32.re, /^\[<[0-9a-f]+>\] \((.*?)\) from \[<[0-9a-f]+>\] \((.*)\)\s*$/, ["[<8010a4e0>] (", ") from [<8010a7f8>] (", ") from [<", "[<", ">] (", ")", "(", "f+0x1/0x2", "a"]],
];

/** Blanks of every kind, line terminators and look-alikes. */
const COMMON = [" ", " ", "  ", "\t", "\r", "\n", "\u2028", "\u2029", "\u00a0", "\v", "\ufeff", "\u3000", "\u0085", "a", "1", ":", "(", ")", "<", ">"];

function same(a: RegExpExecArray | null, b: RegExpExecArray | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && [...a].every((g, i) => g === b[i]);
}

const corpusLines: string[] = [];
for (const dir of [path.join(__dirname, "testdata/corpus"), path.join(__dirname, "testdata/synthetic"), path.resolve(process.cwd(), "../shared/corpus/syzbot-cause-2019-2023")]) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (f.endsWith(".txt")) corpusLines.push(...readFileSync(path.join(dir, f), "utf8").split("\n"));
}

describe("linear rules equal the regexes they replaced", () => {
  for (const [name, now, old, pieces] of OLD) {
    const text = fc.array(fc.constantFrom(...pieces, ...COMMON), { maxLength: 14 }).map((a) => a.join(""));
    const head = fc.constantFrom(...pieces.slice(0, 2));
    it(`${name}: on random text`, () => {
      fc.assert(
        fc.property(head, text, (h, t) => same(now.exec(h + t), old.exec(h + t))),
        { numRuns: 4000 },
      );
    });
    it(`${name}: on every corpus and golden line`, () => {
      for (const line of corpusLines) if (!same(now.exec(line), old.exec(line))) expect([...(now.exec(line) ?? [])], line).toEqual([...(old.exec(line) ?? [])]);
    });
  }

  it("quotedList finds what the global /\"((?:[^\"\\\\]|\\\\.)*)\"/g found", () => {
    const old = (inner: string) => {
      const re = /"((?:[^"\\]|\\.)*)"/g;
      const out: string[] = [];
      for (let m = re.exec(inner); m; m = re.exec(inner)) out.push(m[1].replace(/\\(.)/g, "$1"));
      return out;
    };
    const text = fc.array(fc.constantFrom('"', "\\", "a", " ", "\r", "\n", "\u2028", "@"), { maxLength: 24 }).map((a) => a.join(""));
    fc.assert(fc.property(text, (t) => JSON.stringify(quotedList(t)) === JSON.stringify(old(t))), { numRuns: 10000 });
    expect(quotedList('"a@b.org" "c\\"d"')).toEqual(["a@b.org", 'c"d']);
  });

  it("durationSeconds with a sticky term equals the global search", () => {
    const old = (text: string) => {
      const re = /(\d+(?:\.\d+)?)(h|ms|m|s|µs|us|ns)/g;
      let total = 0;
      let matched = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        matched += m[0].length;
        const n = Number(m[1]);
        const u = m[2];
        total += u === "h" ? n * 3600 : u === "m" ? n * 60 : u === "s" ? n : u === "ms" ? n / 1e3 : u === "ns" ? n / 1e9 : n / 1e6;
      }
      return matched === text.length && matched > 0 ? total : null;
    };
    const text = fc.array(fc.constantFrom("1", "23", ".", "5", "h", "m", "s", "ms", "µs", "us", "ns", "x", " "), { maxLength: 12 }).map((a) => a.join(""));
    fc.assert(fc.property(text, (t) => durationSeconds(t) === old(t)), { numRuns: 10000 });
    expect(DURATION_TERM.sticky).toBe(true);
    expect(durationSeconds("3h52m11.87855939s")).toBeCloseTo(13931.87855939);
  });

  it("isJsSpace is JavaScript's \\s for all 65,536 code units", () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
