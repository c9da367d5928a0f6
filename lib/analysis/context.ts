// What every rule needs, computed once per log.
import type { BisectionLog, Step } from "@/lib/parser/types";
import { findGuiltyFrame } from "./guilty";
import { crashTitles, culpritStep, startStep, type SeenTitle } from "./steps";
import { titleKey, type TitleKey } from "./titles";
import type { Finding, GuiltyFrame } from "./types";

export interface Context {
  log: BisectionLog;
  start: Step | null;
  /** the test of the culprit commit (null for inconclusive results or untested culprits) */
  culprit: Step | null;
  /** crash titles of the start commit */
  startTitles: SeenTitle[];
  /** what the culprit was blamed for: its runs' titles plus the final `crash:` title (for
   *  inconclusive results, the titles of the last bad step) */
  culpritTitles: SeenTitle[];
  crashKey: TitleKey | null;
  guilty: GuiltyFrame | null;
}

export type Rule = (ctx: Context) => Finding[];

export function buildContext(log: BisectionLog): Context {
  const start = startStep(log);
  const culprit = culpritStep(log);
  const crashKey = log.crash ? titleKey(log.crash.title) : null;
  // Inconclusive results have no culprit: the last bad verdict is what bounded the candidates.
  const bad = log.steps.filter((s) => s.verdict === "bad" && s.role !== "start");
  const blamedStep = culprit ?? (log.outcome === "inconclusive" ? bad[bad.length - 1] ?? null : null);
  const culpritTitles = blamedStep ? crashTitles(blamedStep) : [];
  if (crashKey && log.crash) culpritTitles.push({ key: crashKey, line: log.crash.line });
  return {
    log,
    start,
    culprit,
    startTitles: start ? crashTitles(start) : [],
    culpritTitles,
    crashKey,
    guilty: findGuiltyFrame(log.crash),
  };
}

/** Quote a title for a message. */
export function q(title: string): string {
  return `“${title}”`;
}
