// fast.ts matchers accept only what their regex matches, with the same groups: checked on the
// samples, on every line of the corpus and goldens, and on edge cases.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FAST } from "./fast";

const dirs = [path.join(__dirname, "testdata"), path.resolve(process.cwd(), "../shared/corpus/syzbot-cause-2019-2023")];
const lines: string[] = [];
for (const dir of dirs) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (f.endsWith(".txt")) lines.push(...readFileSync(path.join(dir, f), "utf8").split("\n"));
}
const edge = ["run #", "run #1:", "run #1: ", "run #12: OK\r", "run #x: OK", "run #1: a\u2028b", "all runs: ", "kernel signature: ", "kernel signature:\tab12 ",
  "kernel signature:ab", "kernel signature: abX", "compiler: gcc\u00a0", "compiler: ", "# git bisect good", "# git bisect good ", "# git bisect bad x\u00a0y", "# git bisect skip a\tb", "# git bisect goodx y"];

describe("fast.ts matchers", () => {
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
