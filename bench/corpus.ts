// Where the benchmarks find their logs: the golden files and the real corpus beside the repo.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const CORPUS_DIR = process.env.CORPUS_DIR ?? path.resolve(process.cwd(), "../shared/corpus");
export const CORPUS_LOGS = path.join(CORPUS_DIR, "syzbot-cause-2019-2023");

function txtUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...txtUnder(p));
    else if (name.endsWith(".txt")) out.push(p);
  }
  return out;
}

export function goldenTexts(): string[] {
  return txtUnder(path.resolve(process.cwd(), "lib/parser/testdata")).map((f) => readFileSync(f, "utf8"));
}

export function corpusTexts(): string[] {
  return corpusFiles().map((f) => readFileSync(f, "utf8"));
}

export function corpusFiles(): string[] {
  return txtUnder(CORPUS_LOGS);
}
