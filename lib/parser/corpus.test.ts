// Every real syzbot log of shared/corpus parses, and agrees with a plain line scan of the same
// text (independent of the parser's rules): steps and run counts, found commit, candidates,
// error text, crash title and frames. The warnings are printed grouped and must be zero.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseBisectionLog } from "./index";
import type { BisectionLog } from "./types";

const DIR = path.resolve(process.cwd(), "../shared/corpus/syzbot-cause-2019-2023");
const present = existsSync(DIR);

/** Lines the parser may not place, with why. Keep it tiny. */
const ALLOWED_WARNINGS: { file: string; line: number; why: string }[] = [];

interface Scan {
  tests: { commit: string; line: number; runs: number }[];
  firstBad: { hash: string; line: number; paths: string[]; hasAuthor: boolean } | null;
  candidates: string[] | null;
  error: string | null;
  crash: { title: string; hasTrace: boolean } | null;
}

/** A plain scan of the log text, written without the parser's rules. */
function scan(text: string): Scan {
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const out: Scan = { tests: [], firstBad: null, candidates: null, error: null, crash: null };
  let inCandidates = false;
  let inBlock = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (l.startsWith("crash: ")) {
      // a trace header followed by at least one `func+0x../0x..` line (some traces are empty)
      const at = lines.findIndex((x, j) => j > i && /^\s*(Call Trace:|Call trace:|Backtrace:)/.test(x));
      const hasTrace = at > 0 && lines.slice(at + 1).some((x) => /^\s*(\? )?(\[<[0-9a-f]+>\] )?[\w.]+\+0x[0-9a-f]+\/0x[0-9a-f]+/.test(x));
      out.crash = { title: l.slice(7), hasTrace };
      break;
    }
    if (l.startsWith("error: ")) {
      const rest = [l.slice(7), ...lines.slice(i + 1)];
      while (rest.length > 1 && rest[rest.length - 1].trim() === "") rest.pop();
      out.error = rest.join("\n").trimEnd();
      break;
    }
    if (l.startsWith("testing commit ")) out.tests.push({ commit: l.split(" ")[2], line: i + 1, runs: 0 });
    else if (/^run #\d+: /.test(l) && out.tests.length > 0) out.tests[out.tests.length - 1].runs++;
    const fb = /^([0-9a-f]{40}) is the first bad commit/.exec(l);
    if (fb) {
      // git < 2.22 prints nothing at all for a merge culprit: no Author, no files
      out.firstBad = { hash: fb[1], line: i + 1, paths: [], hasAuthor: false };
      inBlock = true;
      continue;
    }
    if (inBlock) {
      const stat = /^ (\S.*?)\s+\|\s+(\d+|Bin)/.exec(l);
      const raw = /^:\d{6} \d{6} \S+ \S+ \w+\t(.*)$/.exec(l);
      if (l.startsWith("Author: ")) out.firstBad!.hasAuthor = true;
      if (stat) out.firstBad!.paths.push(stat[1]);
      else if (raw) out.firstBad!.paths.push(raw[1].split("\t").pop()! + (l.startsWith(":040000 040000 ") ? "/" : ""));
      else if (!(l === "" || l.startsWith(" ") || /^(commit|Author|Date|Merge|warning)\b/.test(l))) inBlock = false;
    }
    if (l.startsWith("bisection is inconclusive")) {
      out.candidates = [];
      inCandidates = true;
    } else if (inCandidates && /^[0-9a-f]{40}$/.test(l)) out.candidates!.push(l);
  }
  return out;
}

function check(log: BisectionLog, s: Scan): void {
  expect(["found", "inconclusive", "horizon", "error", "incomplete"]).toContain(log.outcome);
  const tested = log.steps.filter((st) => !st.untested);
  expect(tested.map((st) => [st.commit, st.line])).toEqual(s.tests.map((t) => [t.commit, t.line]));
  tested.forEach((st, i) => expect(st.runs.length, `runs of step at line ${st.line}`).toBe(s.tests[i].runs));
  if (s.firstBad && s.error === null) {
    expect(log.outcome).toBe("found");
    expect(log.commit?.hash).toBe(s.firstBad.hash);
    expect(log.commit?.subject).not.toBe("");
    if (s.firstBad.hasAuthor) expect(log.commit?.author).not.toBe("");
    const got = new Set(log.commit!.files.map((f) => f.path));
    // a diffstat path shortened to `.../tail` may come back whole, from its `create mode` line
    const found = (p: string) => got.has(p) || (p.startsWith(".../") && [...got].some((g) => !g.startsWith(".../") && g.endsWith(p.slice(3))));
    for (const p of s.firstBad.paths) expect(found(p), `file ${p}`).toBe(true);
  }
  if (s.candidates) {
    expect(log.outcome).toBe("inconclusive");
    expect(log.candidates).toEqual(s.candidates);
  }
  if (s.error !== null) {
    expect(log.outcome).toBe("error");
    expect(log.error).toBe(s.error);
  }
  if (s.crash) {
    expect(log.crash?.title).toBe(s.crash.title);
    if (s.crash.hasTrace) expect(log.crash!.frames.length).toBeGreaterThan(0);
  }
}

describe("real syzbot logs (shared/corpus)", () => {
  // the corpus sits beside the repository (../shared); a run without it proves nothing
  it("finds the corpus", () => {
    expect(present, `${DIR} is missing: the corpus test needs ../shared/corpus beside the repository`).toBe(true);
  });
  const files = present ? readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort() : [];
  const warnings: { file: string; line: number; message: string }[] = [];

  it.each(files)("%s", (file) => {
    const text = readFileSync(path.join(DIR, file), "utf8");
    const r = parseBisectionLog(text);
    if (!r.ok) throw new Error(`${file} rejected: ${r.reason}`);
    for (const w of r.log.warnings) warnings.push({ file, ...w });
    check(r.log, scan(text));
  });

  it("places every line (warnings grouped by message)", () => {
    const groups = new Map<string, number>();
    for (const w of warnings) groups.set(w.message, (groups.get(w.message) ?? 0) + 1);
    const report = [...groups].sort((a, b) => b[1] - a[1]).map(([m, n]) => `${n}\t${m}`);
    console.log(`corpus warnings: ${warnings.length}\n${report.join("\n")}`);
    const unexpected = warnings.filter((w) => !ALLOWED_WARNINGS.some((a) => a.file === w.file && a.line === w.line));
    expect(unexpected.slice(0, 20)).toEqual([]);
  });
});
