// Fits the chance model on the labelled corpus only (`../shared/corpus/labels.json`) and writes
// lib/analysis/data/chance-weights.json: one yes/no feature per `rule:severity` finding seen in
// at least 3 labelled logs, L2-penalised logistic regression, the penalty chosen by the lowest
// 10-fold cross-validated log-loss. Re-run after changing a rule:
//   node --import tsx scripts/fit-chance.ts
import { writeFileSync } from "node:fs";
import { chanceFeatures } from "@/lib/analysis";
import { chanceFrom, type ChanceModel } from "@/lib/analysis/chance";
import { chooseLambda, featureSpace, fitLogistic, type Example } from "@/lib/analysis/fit";
import { judgeLabelled } from "../bench/labelled";
import { FOLDS } from "../bench/judge";

async function main() {
  const { judged } = await judgeLabelled();
  const examples: Example[] = judged.map((x) => ({ id: x.id, features: chanceFeatures(x.judgement.findings), wrong: x.wrong }));
  const score = (m: ChanceModel, e: Example) => chanceFrom(m, e.features).chance;
  const lambda = chooseLambda(examples, FOLDS, score);
  const model = fitLogistic(examples, featureSpace(examples), lambda);
  const wrong = examples.filter((e) => e.wrong).length;
  const out = {
    about: "Chance that a result is wrong: odds = baseOdds x the oddsFactor of every finding present; chance = odds / (1 + odds). Written by scripts/fit-chance.ts.",
    fit: { examples: examples.length, wrong, right: examples.length - wrong, lambda, folds: FOLDS, minCount: 3 },
    baseOdds: model.baseOdds,
    terms: model.terms.sort((a, b) => b.weight - a.weight),
  };
  writeFileSync("lib/analysis/data/chance-weights.json", JSON.stringify(out, null, 2) + "\n");
  console.log(`fitted on ${examples.length} labelled logs (${wrong} wrong), penalty ${lambda}, ${model.terms.length} features`);
  for (const t of out.terms) console.log(`${t.feature.padEnd(26)} multiplies the odds by ${t.oddsFactor}`);
}

main();
