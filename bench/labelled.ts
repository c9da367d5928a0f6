// The labelled corpus: every log of `../shared/corpus/labels.json` whose label says whether
// syzbot's result was right, parsed and judged. Shared by bench/judge.ts and scripts/fit-chance.ts.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { judgeBisection, type Judgement } from "@/lib/analysis";
import { parseBisectionLog } from "@/lib/parser";
import type { BisectionLog } from "@/lib/parser/types";

export interface Label {
  correct: boolean | null;
  title: string;
}

export type Parse = (text: string) => BisectionLog | null;

export const defaultParse: Parse = (text) => {
  const r = parseBisectionLog(text);
  return r.ok ? r.log : null;
};

export interface Judged {
  id: string;
  wrong: boolean;
  log: BisectionLog;
  judgement: Judgement;
}

export function corpusDir(): string {
  return process.env.CORPUS_DIR ?? path.resolve(process.cwd(), "../shared/corpus");
}

export async function judgeLabelled(parse: Parse = defaultParse): Promise<{ judged: Judged[]; rejected: string[]; ms: number }> {
  const dir = corpusDir();
  const labels = JSON.parse(await readFile(path.join(dir, "labels.json"), "utf8")) as Record<string, Label>;
  const labelled = Object.entries(labels).filter(([, l]) => l.correct !== null).sort(([a], [b]) => a.localeCompare(b));
  const judged: Judged[] = [];
  const rejected: string[] = [];
  const t0 = performance.now();
  for (const [id, label] of labelled) {
    const text = await readFile(path.join(dir, "syzbot-cause-2019-2023", `${id}.txt`), "utf8");
    const log = parse(text);
    if (!log) {
      rejected.push(id);
      continue;
    }
    judged.push({ id, wrong: label.correct === false, log, judgement: judgeBisection(log, text) });
  }
  return { judged, rejected, ms: performance.now() - t0 };
}
