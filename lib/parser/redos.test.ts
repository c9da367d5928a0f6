// Every regex that lib/parser, lib/analysis and lib/ingest run on log text is linear: recheck
// (a ReDoS checker: an automaton analysis, or for look-arounds a seeded fuzzer with static
// analysis; it runs offline through its bundled binary) must call each one "safe". The regexes
// are found by parsing the source files with the TypeScript compiler (every regex literal), plus
// the pattern tables' values (which also hold regexes built with `new RegExp`). A sticky regex
// only matches at lastIndex, so it is checked anchored there.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { check } from "recheck";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { FP, P, VERDICT, GIT_DATE, DURATION_TERM } from "./patterns";

const ROOT = path.resolve(__dirname, "..");
const DIRS = ["parser", "analysis", "analysis/rules", "ingest"];
const TEST_SUPPORT = ["testdata-compare.ts", "test-helpers.ts", "test-logs.ts"];

interface Found {
  where: string;
  source: string;
  flags: string;
}

function literalsIn(file: string): Found[] {
  const text = readFileSync(file, "utf8");
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Found[] = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = node.getText(sf);
      const end = lit.lastIndexOf("/");
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push({ where: `${path.relative(ROOT, file)}:${line}`, source: lit.slice(1, end), flags: lit.slice(end + 1) });
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "RegExp" && !file.endsWith("patterns.ts")) {
      const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      out.push({ where: `${path.relative(ROOT, file)}:${line}`, source: "new RegExp outside patterns.ts: list it in a pattern table", flags: "!" });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(): string[] {
  return DIRS.flatMap((d) =>
    readdirSync(path.join(ROOT, d))
      // test support (goldens' expectations, judge test logs) never sees uploaded text
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !TEST_SUPPORT.includes(f))
      .map((f) => path.join(ROOT, d, f)),
  );
}

function tableRegexes(): Found[] {
  const out: Found[] = [];
  for (const [table, pats] of [["P", P], ["FP", FP]] as const) {
    for (const [name, pat] of Object.entries(pats)) if (pat.re instanceof RegExp) out.push({ where: `${table}.${name}`, source: pat.re.source, flags: pat.re.flags });
  }
  for (const [name, re] of Object.entries({ VERDICT, GIT_DATE, DURATION_TERM })) out.push({ where: name, source: re.source, flags: re.flags });
  return out;
}

/** recheck's view of a regex: sticky means anchored at lastIndex; `g` does not change what one match costs. */
function checked(f: Found): { source: string; flags: string } {
  const sticky = f.flags.includes("y");
  return { source: sticky ? `^(?:${f.source})` : f.source, flags: f.flags.replace(/[gy]/g, "") };
}

/** Regexes the automaton analysis does not take (a look-ahead) or does not finish within its
 *  budget (large alternations), keyed by the start of their source, each linear by reading. A
 *  listed regex that recheck calls vulnerable still fails. */
const BY_HAND: [string, string][] = [
  ["^.*?(?: at:| in:|hint:|caller is", "FP.labelled: lazy scan over fixed words; the look-ahead reads one char"],
  ["(\\? )?((?:\\[<[0-9a-fx]+>\\]\\s*)*)", "FP.body (sticky): disjoint parts in sequence, each a run of one class"],
  ["^(?:[a-z0-9_]+: )?(?:BUG:|WARNING:", "FP.header: anchored alternation of literals"],
  ["^(?:\\[ *\\d+\\.\\d+\\]\\s*(?:\\[ *[CT]", "reject.ts: anchored alternation of literals after an optional console prefix"],
  ["^(INFO: task hung|INFO: rcu (detected", "titles.ts HANG: anchored alternation of literals"],
];
const byHand = (source: string) => BY_HAND.some(([start]) => source.startsWith(start));

describe("every regex over log text is linear (recheck)", () => {
  const found = [...sourceFiles().flatMap(literalsIn), ...tableRegexes()];

  it("finds the regexes of the parser and the judge", () => {
    expect(found.length).toBeGreaterThan(150);
    expect(found.filter((f) => f.flags === "!").map((f) => f.where)).toEqual([]);
  });

  it("calls each one safe", { timeout: 1_800_000 }, async () => {
    const unique = new Map<string, Found>();
    for (const f of found) {
      const c = checked(f);
      const key = `${c.flags}/${c.source}`;
      if (!unique.has(key)) unique.set(key, f);
    }
    // one at a time: run all at once, they share the budget's wall clock, and a busy machine
    // turned "safe" into "unknown" (the widest, detector.ts's WARN list, took 62 s alone there)
    const results = [];
    for (const f of unique.values()) {
      const c = checked(f);
      // the automaton analysis only: "safe" is a proof (recheck's fuzzer flags linear look-aheads)
      const r = await check(c.source, c.flags, { checker: "automaton", timeout: byHand(f.source) ? 5_000 : 180_000 });
      results.push({ where: f.where, source: f.source, status: r.status, attack: r.status === "vulnerable" ? r.attack.pattern : undefined, why: r.status === "unknown" ? r.error.kind : undefined });
    }
    const unproven = results.filter((r) => r.status !== "safe" && !(r.status === "unknown" && byHand(r.source)));
    expect(unproven).toEqual([]);
    // every exception is still in use
    for (const [start] of BY_HAND) expect(results.some((r) => r.source.startsWith(start)), start).toBe(true);
  });
});
