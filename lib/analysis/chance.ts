// The chance that a result is wrong: a logistic model over the judge's findings, fitted on the
// labelled corpus (`../shared/corpus/labels.json`) by `scripts/fit-chance.ts`, which writes
// `data/chance-weights.json`. Each finding `rule:severity` (or `rule:kind`) is one yes/no feature; a finding
// present multiplies the odds of a wrong result (chance / (1 - chance)) by its `oddsFactor`,
// starting from the odds of a result with no finding (`baseOdds`). Pure and deterministic: the
// same findings give the same chance. The verdict does not read it.
import { uniqueSorted } from "@/lib/unique";
import weights from "./data/chance-weights.json";
import type { Finding } from "./types";

export interface ChanceModel {
  /** odds of a wrong result with no finding */
  baseOdds: number;
  terms: { feature: string; oddsFactor: number; weight: number }[];
}

const MODEL: ChanceModel = weights as ChanceModel;

/** The yes/no features of a set of findings: `rule:severity` (`rule:kind` for findings that
 *  say which case of the rule fired), once each. */
export function chanceFeatures(findings: Finding[]): string[] {
  return uniqueSorted(findings.map((f) => `${f.rule}:${f.kind ?? f.severity}`));
}

export function chanceFrom(model: ChanceModel, features: string[]): { chance: number; terms: { feature: string; oddsFactor: number }[] } {
  let logit = Math.log(model.baseOdds);
  const terms: { feature: string; oddsFactor: number }[] = [];
  for (const t of model.terms) {
    if (!features.includes(t.feature)) continue;
    logit += t.weight;
    terms.push({ feature: t.feature, oddsFactor: t.oddsFactor });
  }
  terms.sort((a, b) => Math.abs(Math.log(b.oddsFactor)) - Math.abs(Math.log(a.oddsFactor)));
  return { chance: 1 / (1 + Math.exp(-logit)), terms };
}

export function chanceWrong(findings: Finding[]): { chance: number; terms: { feature: string; oddsFactor: number }[] } {
  return chanceFrom(MODEL, chanceFeatures(findings));
}
