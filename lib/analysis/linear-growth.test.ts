// Work grows linearly with the log: for generated adversarial shapes at sizes n and 4n,
// normalize + parse + judge must do at most 6x the work (linear is 4x, a quadratic loop 16x).
// Work is counted, not timed: V8's precise block coverage (node:inspector) counts every
// function call and every executed block of lib/parser, lib/analysis and lib/ingest, the same
// count on any machine and under any load. Regex engines' steps are not in it; redos.test.ts
// proves every regex linear instead.
import { Session } from "node:inspector/promises";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const session = new Session();
let pipeline: (text: string) => void;

beforeAll(async () => {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: true });
  // imported only now, so that every function is compiled with its block counters
  const { parseBisectionLog } = await import("@/lib/parser");
  const { judgeBisection } = await import("@/lib/analysis");
  const { normalizeLog } = await import("@/lib/ingest/normalize");
  pipeline = (text) => {
    const normalized = normalizeLog(text);
    const r = parseBisectionLog(normalized);
    // with the text, as ingest judges: the guilty file is read from the report lines
    if (r.ok) judgeBisection(r.log, normalized);
  };
});

afterAll(async () => {
  await session.post("Profiler.stopPreciseCoverage");
  session.disconnect();
});

const OURS = /\/lib\/(parser|analysis|ingest)\/[^/]*(\/[^/]*)?\.ts/;

/** Blocks executed in our modules while `text` goes through the pipeline. */
async function work(text: string): Promise<number> {
  await session.post("Profiler.takePreciseCoverage"); // resets the counters
  pipeline(text);
  const { result } = await session.post("Profiler.takePreciseCoverage");
  let n = 0;
  for (const script of result) {
    if (!OURS.test(script.url) || script.url.includes(".test.")) continue;
    for (const fn of script.functions) for (const r of fn.ranges) n += r.count;
  }
  return n;
}

const HASH = "25e73aadf297d78cf528841795cd37bad8320642";
const HEAD = `bisecting cause commit starting from ${HASH}\ntesting commit ${HASH} with gcc (GCC) 8.1.0\n`;
const STEP = (i: number) => `# git bisect bad ${HASH}\nBisecting: ${i} revisions left to test after this\n[${HASH}] s\ntesting commit ${HASH}\n`;
const CULPRIT = `# git bisect start ${HASH} ${HASH}\n${HASH} is the first bad commit\ncommit ${HASH}\nAuthor: A <a@b.c>\nDate:   Mon Jan 11 15:37:07 2021 +0000\n\n    subject\n\n`;
const REPORT = (n: number, fn: (i: number) => string) =>
  `crash: KASAN: use-after-free Read in f\nBUG: KASAN: use-after-free in f+0x1/0x2 a/b.c:1\nCall Trace:\n f+0x1/0x2 a/b.c:1\nFreed by task 1:\n${Array.from({ length: n }, (_, i) => ` ${fn(i)}+0x1/0x2 obj/f${i}.c:1\n`).join("")}`;

type Shape = (n: number, v: { word: string; blank: string }) => string;

const SHAPES: Record<string, Shape> = {
  "distinct crash titles in one step": (n, v) => HEAD + Array.from({ length: n }, (_, i) => `run #0: crashed: KASAN: use-after-free Read in ${v.word}${i}\n`).join(""),
  "one crash title many times": (n, v) => HEAD + `run #0: crashed: WARNING in ${v.word}\n`.repeat(n),
  "many steps, one crash each, against many start titles": (n, v) =>
    HEAD + Array.from({ length: n }, (_, i) => `run #0: crashed: WARNING in s${v.word}${i}\n`).join("") + Array.from({ length: n }, (_, i) => `${STEP(i)}run #0: crashed: WARNING in t${i}\n${"run #1: OK\n".repeat(5)}`).join(""),
  "boot failures against many chased titles": (n, v) =>
    HEAD + Array.from({ length: n }, (_, i) => `${STEP(i)}run #0: crashed: WARNING in c${v.word}${i}\nrun #1: boot failed: WARNING in b${i}\n`).join("") + CULPRIT,
  "two crash titles per step in many steps": (n, v) => HEAD + Array.from({ length: n }, (_, i) => `${STEP(i)}run #0: crashed: WARNING in a${v.word}${i}\nrun #1: crashed: WARNING in b${i}\n`).join(""),
  "created files in the culprit": (n, v) => HEAD + CULPRIT + Array.from({ length: n }, (_, i) => ` create mode 100644 ${v.word}/f${i}.c\n`).join(""),
  "changed files against freed-object frames": (n, v) =>
    HEAD + `run #0: crashed: KASAN: use-after-free Read in f\n` + CULPRIT + Array.from({ length: n }, (_, i) => ` ${v.word}${i}/x.c | 1 +\n`).join("") + REPORT(n, (i) => `g${i}`),
  "suppressed oops lines before the report's oops line": (n, v) =>
    HEAD + `crash: WARNING in ${v.word}\n` + Array.from({ length: n }, (_, i) => `INFO: lockdep is turned off ${v.word}${i} a/b${i}.c:1\n`).join("") + `WARNING: CPU: 0 PID: 1 at a/${v.word}.c:1 f+0x1/0x2\n`,
  "blanks and CRs inside matched lines": (n, v) => HEAD + Array.from({ length: n }, () => `compiler: a${v.blank.repeat(20)}\rb\ntesting commit ${HASH} with${v.blank.repeat(20)}\rx\n`).join(""),
};

describe("work grows linearly with the log: 4x the size costs at most 6x the work", () => {
  const vary = fc.record({ word: fc.stringMatching(/^[a-z][a-z_]{0,8}$/), blank: fc.constantFrom(" ", "\t", "\u00a0", " \t") });
  for (const [name, make] of Object.entries(SHAPES)) {
    it(name, { timeout: 120_000 }, async () => {
      await fc.assert(
        fc.asyncProperty(vary, async (v) => {
          const small = await work(make(400, v));
          const large = await work(make(1600, v));
          expect(small).toBeGreaterThan(0);
          expect(large / small, `${small} -> ${large} blocks`).toBeLessThan(6);
        }),
        { numRuns: 3 },
      );
    });
  }
});
