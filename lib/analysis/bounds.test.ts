// The judge's bounds on crafted logs (issue 16): the crash titles it weighs per step and per
// log, the evidence lines a finding keeps, the commits a finding names. Each bound sits well
// above the corpus's busiest log (20 crashed runs a step, 247 a log, 107 evidence lines, 24 mixed
// commits), so real logs are judged whole; the counts of runs always cover every run.
import { describe, expect, it } from "vitest";
import { judgeBisection } from "@/lib/analysis";
import { parseBisectionLog } from "@/lib/parser";
import type { BisectionLog } from "@/lib/parser/types";
import { EVIDENCE_LINES } from "./index";
import { countRuns, crashTitles, LOG_TITLES, STEP_TITLES, withTitleMemo } from "./steps";

const HASH = "25e73aadf297a3a5e3e2ac4db96c0c2e5da8d0b3";

/** A cause bisection that starts at HASH and tests `steps` commits, each with `runs(i)` crashed
 *  runs whose titles are all distinct. */
function crafted(steps: number, runs: (step: number) => number): BisectionLog {
  const out = [`bisecting cause commit starting from ${HASH}`, `testing commit ${HASH}`];
  let n = 0;
  for (let s = 0; s < steps; s++) {
    if (s > 0) out.push(`# git bisect bad ${HASH}`, `testing commit ${HASH}`);
    for (let i = 0; i < runs(s); i++) out.push(`run #${i}: crashed: WARNING in f${n++}`);
  }
  const r = parseBisectionLog(`${out.join("\n")}\n`);
  if (!r.ok) throw new Error(r.reason);
  return r.log;
}

describe("the crash titles the judge weighs", () => {
  it("takes the first STEP_TITLES of a step, and counts every run", () => {
    const log = crafted(1, () => 3 * STEP_TITLES);
    const step = log.steps[0];
    withTitleMemo(log, () => {
      const titles = crashTitles(step);
      expect(titles).toHaveLength(STEP_TITLES);
      expect(titles[0].key.title).toBe("WARNING in f0");
      expect(titles[STEP_TITLES - 1].key.title).toBe(`WARNING in f${STEP_TITLES - 1}`);
      expect(countRuns(step)).toMatchObject({ crashed: 3 * STEP_TITLES, total: 3 * STEP_TITLES });
    });
  });

  it("takes the first LOG_TITLES of the log, in log order", () => {
    const steps = LOG_TITLES / 500 + 5;
    const log = crafted(steps, () => 500);
    withTitleMemo(log, () => {
      // asked for last step first: the allowance follows the log, not the order of asking
      const per = [...log.steps].reverse().map((s) => crashTitles(s).length).reverse();
      expect(per).toEqual(log.steps.map((_, i) => (i < LOG_TITLES / 500 ? 500 : 0)));
      expect(per.reduce((a, b) => a + b, 0)).toBe(LOG_TITLES);
    });
  });

  it("judges a log within the bounds whole: a real-sized step keeps all its titles", () => {
    const log = crafted(3, () => 20);
    withTitleMemo(log, () => expect(log.steps.map((s) => crashTitles(s).length)).toEqual([20, 20, 20]));
  });
});

describe("what a finding carries", () => {
  it("keeps the first EVIDENCE_LINES evidence lines", () => {
    // one step crashing with 2,000 distinct titles: mixed signatures cites each title's line
    const log = crafted(1, () => 2_000);
    const f = judgeBisection(log).findings.find((x) => x.rule === "mixed-signatures");
    expect(f?.lines).toHaveLength(EVIDENCE_LINES);
    expect(f?.lines[0]).toBe(3);
    expect(f?.lines[EVIDENCE_LINES - 1]).toBe(3 + EVIDENCE_LINES - 1);
  });

  it("names at most 30 commits of a mixed-signatures finding and counts the rest", () => {
    const log = crafted(40, () => 2);
    const f = judgeBisection(log).findings.find((x) => x.rule === "mixed-signatures");
    expect(f?.message).toMatch(/^40 commits \((25e73aadf297, ){30}and 10 more\) crashed with different bugs in different runs\.$/);
  });
});
