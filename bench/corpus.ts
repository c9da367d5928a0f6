// Where the benchmarks find their logs: the golden files and the real corpus beside the repo.
import { readFileSync } from "node:fs";
import path from "node:path";
import { logsUnder } from "@/lib/testing/logs-under";

export const CORPUS_DIR = process.env.CORPUS_DIR ?? path.resolve(process.cwd(), "../shared/corpus");
export const CORPUS_LOGS = path.join(CORPUS_DIR, "syzbot-cause-2019-2023");


export function goldenTexts(): string[] {
  return logsUnder(path.resolve(process.cwd(), "lib/parser/testdata")).map((f) => readFileSync(f, "utf8"));
}

export function corpusTexts(): string[] {
  return corpusFiles().map((f) => readFileSync(f, "utf8"));
}

export function corpusFiles(): string[] {
  return logsUnder(CORPUS_LOGS);
}
