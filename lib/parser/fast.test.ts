// fast.ts matchers accept only what their regex matches, with the same groups: checked on the
// samples, on every line of the corpus and goldens, and on edge cases.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FAST, verdict } from "./fast";
import { VERDICT } from "./patterns";

const dirs = [path.join(__dirname, "testdata"), path.resolve(process.cwd(), "../shared/corpus/syzbot-cause-2019-2023")];
const lines: string[] = [];
for (const dir of dirs) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (f.endsWith(".txt")) lines.push(...readFileSync(path.join(dir, f), "utf8").split("\n"));
}
const edge = ["run #", "run #1:", "run #1: ", "run #12: OK\r", "run #x: OK", "run #1: a\u2028b", "all runs: ", "kernel signature: ", "kernel signature:\tab12 ",
  "kernel signature:ab", "kernel signature: abX", "compiler: gcc\u00a0", "compiler: ", "# git bisect good", "# git bisect good ", "# git bisect bad x\u00a0y", "# git bisect skip a\tb", "# git bisect goodx y",
  "# git bisect bad", "# git bisect bad ", "testing commit ", "testing commit x", "testing commit x ", "testing commit x  ", "testing commit x y", "testing commit x y z", "testing commit x  y",
  "testing commit x with", "testing commit x with ", "testing commit x with  ", "testing commit x with   a ", "testing commit x withy", "testing commit x with a\tb", "testing commit x\u00a0",
  "testing commit x with gcc\r", "[0123456789abcdef0123456789abcdef01234567]", "[0123456789abcdef0123456789abcdef01234567] ", "[0123456789abcdef0123456789abcdef01234567]  x",
  "[0123456789abcdef0123456789abcdef01234567]x", "[0123456789abcdef0123456789abcdef0123456]]", "[0123456789abcdef0123456789abcdef01234567] a\rb", "Bisecting: ", "Bisecting: 1 revision",
  "Bisecting: 1 revisions", "Bisecting: 1 revision left to test", "Bisecting: 12 revisions left to testing", "Bisecting: x revisions left to test", "Bisecting: a merge base must be tested",
  " a | 1", " a | 1 ", " a | 12 +-+", " a |  3 ++x", " a | Bin 1 -> 2 bytes", " a |1", " | 1", " a | ", " a |", "  a b | 1 +", " a | 1  +", " create mode 100644 a", " create mode 100644 a ",
  " create mode 100644  a", " create mode 100644 ", " create mode 100644", " delete mode 1 a\u00a0", " delete mode x a", " create mode 100644 a\u2028b", " create mode 100644 a\tb"];

const verdicts = ["OK", "OK:", "OK: x", "crashed", "crashed:x", "failed: ", "failed:  a", "ignored", "ignore", "boot failed", "boot failedx", "infra problem: a b", "x", ""];

describe("fast.ts matchers", () => {
  it(`verdict agrees with ${VERDICT.source}`, () => {
    for (const line of [...verdicts, ...lines]) {
      const m = /^(?:run #\d+|all runs): (.*)$/.exec(line);
      for (const t of m ? [m[1], m[1].trimEnd()] : [line]) {
        if (/[\r\u2028\u2029]/.test(t)) continue;
        const r = VERDICT.exec(t);
        const v = verdict(t);
        const same = v === null ? r === null : r !== null && v.length === r.length && [...v].every((g, i) => g === r[i]);
        if (!same) expect(v && [...v], t).toEqual(r && [...r]);
      }
    }
  });

  for (const [pat, fast] of FAST) {
    it(`agree with ${pat.re.source}`, () => {
      for (const line of [pat.sample, ...edge, ...lines]) {
        if (!line.startsWith(pat.prefix)) continue;
        for (const plain of [true, false]) {
          if (plain && /[\r\u2028\u2029]/.test(line)) continue;
          const m = fast(line, plain);
          if (m === null) continue;
          const r = pat.re.exec(line);
          expect(r, line).not.toBeNull();
          expect([...m], line).toEqual([...(r as RegExpExecArray)]);
        }
      }
    });
  }
});
