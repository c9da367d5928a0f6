// Judge benchmark: parse the labelled real logs, judge them, and print the verdict against the
// label (did syzbot's result contain the commit the fix's `Fixes:` tag names?), each rule's hits
// on wrong and on right bisections, and the chance model: AUC and reliability by fifths, with
// the committed weights (fitted on this very set) and by k-fold cross-validation (each log
// scored by a model fitted without its fold, with the committed penalty).
//   node --import tsx bench/judge.ts            (CORPUS_DIR overrides ../shared/corpus)
import { pathToFileURL } from "node:url";
import { chanceFeatures, type RuleId } from "@/lib/analysis";
import { VERDICTS } from "@/lib/domain/words";
import { chanceFrom, type ChanceModel } from "@/lib/analysis/chance";
import { auc, crossValidate, reliability, type Bin, type Example } from "@/lib/analysis/fit";
import weights from "@/lib/analysis/data/chance-weights.json";
import { defaultParse, judgeLabelled, type Parse } from "./labelled";

export const FOLDS = 10;

function binTable(bins: Bin[]): string[] {
  const out = ["fifth   n   mean chance   observed wrong   gap"];
  bins.forEach((b, i) =>
    out.push(`${String(i + 1).padStart(5)} ${String(b.n).padStart(3)}   ${(100 * b.predicted).toFixed(1).padStart(10)}%   ${(100 * b.observed).toFixed(1).padStart(13)}%   ${(100 * (b.observed - b.predicted)).toFixed(1).padStart(5)}`),
  );
  const gaps = bins.map((b) => Math.abs(b.observed - b.predicted) * 100);
  out.push(`mean |gap| ${(gaps.reduce((s, g) => s + g, 0) / gaps.length).toFixed(1)} points (goal <= 6), max ${Math.max(...gaps).toFixed(1)} (goal <= 12)`);
  return out;
}

export async function benchJudge(parse: Parse = defaultParse): Promise<string> {
  const { judged, rejected, ms } = await judgeLabelled(parse);
  const matrix: Record<string, { wrong: number; right: number }> = {};
  const hits = new Map<string, { wrong: number; right: number }>();
  for (const { wrong: isWrong, judgement: j } of judged) {
    const side = isWrong ? "wrong" : "right";
    (matrix[j.verdict] ??= { wrong: 0, right: 0 })[side]++;
    const fired = new Set<string>();
    for (const f of j.findings) fired.add(`${f.rule}:${f.severity}`).add(`${f.rule}:*`);
    for (const key of fired) (hits.get(key) ?? hits.set(key, { wrong: 0, right: 0 }).get(key)!)[side]++;
  }
  const wrong = judged.filter((x) => x.wrong).length;
  const right = judged.length - wrong;
  const cell = (v: string, s: "wrong" | "right") => matrix[v]?.[s] ?? 0;
  const pct = (a: number, b: number) => `${b ? ((100 * a) / b).toFixed(1) : "0.0"}%`;
  const out: string[] = [];
  out.push(`judge bench: ${judged.length + rejected.length} labelled logs (${wrong} wrong, ${right} right), ${rejected.length} rejected by the parser, ${ms.toFixed(0)} ms`);
  out.push("", "verdict        wrong  right");
  for (const v of VERDICTS) out.push(`${v.padEnd(14)} ${String(cell(v, "wrong")).padStart(5)}  ${String(cell(v, "right")).padStart(5)}`);
  const lwW = cell("likely-wrong", "wrong");
  const lwR = cell("likely-wrong", "right");
  const flagW = lwW + cell("doubtful", "wrong");
  const flagR = lwR + cell("doubtful", "right");
  out.push("");
  out.push(`flagged (likely-wrong or doubtful): ${pct(flagW, wrong)} of wrong (goal >= 88%), ${pct(flagR, right)} of right (goal <= 20%)`);
  out.push(`likely-wrong: recall ${pct(lwW, wrong)} (goal >= 72%), precision ${pct(lwW, lwW + lwR)} (goal >= 95%)`);
  out.push("", "rule:severity              wrong  right");
  for (const [key, h] of [...hits.entries()].sort(([a], [b]) => a.localeCompare(b)))
    out.push(`${key.padEnd(26)} ${String(h.wrong).padStart(5)}  ${String(h.right).padStart(5)}`);

  // the chance model
  const model = weights as ChanceModel & { fit?: { lambda: number } };
  const examples: Example[] = judged.map((x) => ({ id: x.id, features: chanceFeatures(x.judgement.findings), wrong: x.wrong }));
  const score = (m: ChanceModel, e: Example) => chanceFrom(m, e.features).chance;
  const inSample = examples.map((e) => ({ p: score(model, e), wrong: e.wrong }));
  const lambda = model.fit?.lambda ?? 1;
  const cv = crossValidate(examples, FOLDS, lambda, score);
  out.push("", `chanceWrong, committed weights (fitted on this set): AUC ${auc(inSample).toFixed(3)} (goal >= 0.92)`);
  out.push(...binTable(reliability(inSample)));
  out.push("", `chanceWrong, ${FOLDS}-fold cross-validation (penalty ${lambda}): AUC ${auc(cv).toFixed(3)}`);
  out.push(...binTable(reliability(cv)));
  const trusted = judged.filter((x) => x.judgement.trust);
  const pinned = trusted.filter((x) => x.judgement.trust?.reproduces);
  out.push("", `trusted range: ${trusted.length} logs with one; pins the log's own result in ${pinned.filter((x) => x.wrong).length} wrong, ${pinned.filter((x) => !x.wrong).length} right`);
  if (rejected.length) out.push("", `rejected: ${rejected.join(" ")}`);
  return out.join("\n");
}

/** rules that fired, for callers that want the raw counts */
export type RuleHits = Record<RuleId, { wrong: number; right: number }>;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  benchJudge().then((s) => console.log(s));
}
