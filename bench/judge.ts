// Judge benchmark: parse the labelled real logs, judge them, and print the verdict against the
// label (did syzbot's result contain the commit the fix's `Fixes:` tag names?), plus each rule's
// hits on wrong and on right bisections.
//   node --import tsx bench/judge.ts            (CORPUS_DIR overrides ../shared/corpus)
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { judgeBisection, type Judgement, type RuleId } from "@/lib/analysis";
import { parseBisectionLog } from "@/lib/parser";
import type { BisectionLog } from "@/lib/parser/types";

interface Label {
  correct: boolean | null;
  title: string;
}

type Parse = (text: string) => BisectionLog | null;

const defaultParse: Parse = (text) => {
  const r = parseBisectionLog(text);
  return r.ok ? r.log : null;
};

export async function benchJudge(parse: Parse = defaultParse): Promise<string> {
  const dir = process.env.CORPUS_DIR ?? path.resolve(process.cwd(), "../shared/corpus");
  const labels = JSON.parse(await readFile(path.join(dir, "labels.json"), "utf8")) as Record<string, Label>;
  const labelled = Object.entries(labels).filter(([, l]) => l.correct !== null);
  const matrix: Record<string, { wrong: number; right: number }> = {};
  const hits = new Map<string, { wrong: number; right: number }>();
  const rejected: string[] = [];
  const t0 = performance.now();
  for (const [id, label] of labelled) {
    const text = await readFile(path.join(dir, "syzbot-cause-2019-2023", `${id}.txt`), "utf8");
    const log = parse(text);
    if (!log) {
      rejected.push(id);
      continue;
    }
    const j: Judgement = judgeBisection(log);
    const side = label.correct ? "right" : "wrong";
    (matrix[j.verdict] ??= { wrong: 0, right: 0 })[side]++;
    const fired = new Set<string>();
    for (const f of j.findings) fired.add(`${f.rule}:${f.severity}`).add(`${f.rule}:*`);
    for (const key of fired) (hits.get(key) ?? hits.set(key, { wrong: 0, right: 0 }).get(key)!)[side]++;
  }
  const ms = performance.now() - t0;
  const wrong = labelled.filter(([, l]) => l.correct === false).length;
  const right = labelled.length - wrong;
  const cell = (v: string, s: "wrong" | "right") => matrix[v]?.[s] ?? 0;
  const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : "0.0"}%`;
  const out: string[] = [];
  out.push(`judge bench: ${labelled.length} labelled logs (${wrong} wrong, ${right} right), ${rejected.length} rejected by the parser, ${ms.toFixed(0)} ms`);
  out.push("", "verdict        wrong  right");
  for (const v of ["likely-wrong", "doubtful", "clean", "n/a"]) out.push(`${v.padEnd(14)} ${String(cell(v, "wrong")).padStart(5)}  ${String(cell(v, "right")).padStart(5)}`);
  const lwW = cell("likely-wrong", "wrong");
  const lwR = cell("likely-wrong", "right");
  const flagW = lwW + cell("doubtful", "wrong");
  const flagR = lwR + cell("doubtful", "right");
  out.push("");
  out.push(`flagged (likely-wrong or doubtful): ${pct(flagW, wrong)} of wrong (goal >= 85%), ${pct(flagR, right)} of right (goal <= 20%)`);
  out.push(`likely-wrong: recall ${pct(lwW, wrong)} (goal >= 60%), precision ${pct(lwW, lwW + lwR)} (goal >= 90%)`);
  out.push("", "rule:severity              wrong  right");
  for (const [key, h] of [...hits.entries()].sort(([a], [b]) => a.localeCompare(b)))
    out.push(`${key.padEnd(26)} ${String(h.wrong).padStart(5)}  ${String(h.right).padStart(5)}`);
  if (rejected.length) out.push("", `rejected: ${rejected.join(" ")}`);
  return out.join("\n");
}

/** rules that fired, for callers that want the raw counts */
export type RuleHits = Record<RuleId, { wrong: number; right: number }>;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchJudge().then((s) => console.log(s));
}
