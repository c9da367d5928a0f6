// titleKey's hand-written parts (the ` (N)` suffix, the function's first word, the distinctive
// words) give what the regexes they replaced gave: those regexes are kept here as the spec, and
// both are run on random titles built from the pieces that matter and on every corpus title.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GENERIC_WORDS, titleKey, wordsOf, type TitleKey } from "./titles";


function specWords(place: string): string[] {
  const parts = place.replace(/\.[chS]$/, "").toLowerCase().split(/[_/.\-\s]+/);
  return [...new Set(parts.filter((w) => w.length >= 4 && /^[a-z][a-z0-9]*$/.test(w) && !GENERIC_WORDS.has(w)))];
}

const UNSPECIFIC = [/^no output from test machine/, /^lost connection to test machine/, /^timed out/, /^SYZFAIL/, /^(suspected )?(KMSAN|KASAN)?:? ?kernel panic/i, /^unexpected kernel reboot/];

/** titleKey as it was, with the regexes (its clone-suffix and `at file` parts are shared). */
function specKey(raw: string): Pick<TitleKey, "title" | "prefix" | "words"> & { unspecific: boolean } {
  const title = raw.replace(/ \(\d+\)$/, "").trim();
  const k = titleKey(raw);
  const prefix = k.place !== null && title.lastIndexOf(" in ") >= 0 && !UNSPECIFIC.some((re) => re.test(title)) ? specPrefix(k.place) : null;
  return { title, prefix, words: k.words, unspecific: UNSPECIFIC.some((re) => re.test(title)) };
}

function specPrefix(fn: string): string | null {
  const word = fn.replace(/^_+/, "").split("_")[0];
  return word.length >= 3 ? word : null;
}

const pieces = ["_", "__", "/", ".", "-", " ", "\t", "\u00a0", "\u212a", "İ", ".c", ".h", ".S", ".cc", "abcd", "Abcd", "ab1d", "1abc", "a$cd", "lock", "KASAN", "x", "9", " (12)", " (", ")", "(3)", " in ", "kernel panic", "Kernel Panic", "timed out", "SYZFAIL"];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 14 }).map((a) => a.join(""));

const corpusTitles: string[] = [];
const dir = path.resolve(process.cwd(), "../shared/corpus/syzbot-cause-2019-2023");
if (existsSync(dir)) {
  for (const f of readdirSync(dir)) {
    for (const m of readFileSync(path.join(dir, f), "utf8").matchAll(/^(?:run #\d+|all runs): crashed: (.*)$/gm)) corpusTitles.push(m[1]);
  }
}

describe("titleKey's scans equal the regexes they replaced", () => {
  it("wordsOf on random places and on corpus titles' places", () => {
    fc.assert(fc.property(text, (t) => {
      expect(wordsOf(t), t).toEqual(specWords(t));
    }), { numRuns: 20000 });
    for (const t of corpusTitles) {
      const place = titleKey(t).place;
      if (place !== null) expect(wordsOf(place), place).toEqual(specWords(place));
    }
  });

  it("wordsOf keeps the first of each word among many", () => {
    const many = Array.from({ length: 40 }, (_, i) => `word${i % 23}`).join("_");
    expect(wordsOf(many)).toEqual(specWords(many));
  });

  it("the title, its first word and whether it names a place, on random and corpus titles", () => {
    const check = (t: string) => {
      const k = titleKey(t);
      const s = specKey(t);
      expect(k.title, t).toBe(s.title);
      expect(k.place === null || !s.unspecific, t).toBe(true);
      if (k.place !== null && s.title.lastIndexOf(" in ") >= 0) expect(k.prefix, t).toBe(s.prefix);
    };
    fc.assert(fc.property(text, (t) => {
      check(t);
    }), { numRuns: 20000 });
    expect(corpusTitles.length).toBeGreaterThan(1000);
    for (const t of corpusTitles) check(t);
  });
});
