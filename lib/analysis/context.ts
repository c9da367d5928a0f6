// What every rule needs, computed once per log.
import { normalisePath } from "@/lib/domain/paths";
import { foundWord, type FoundWord } from "@/lib/domain/words";
import type { BisectionLog, Step } from "@/lib/parser/types";
import { findGuiltyFrame } from "./guilty";
import { crashedSteps, crashTitles, culpritStep, startStep, type SeenTitle } from "./steps";
import { titleKey, type TitleKey } from "./titles";
import { trustedRange, type TrustedRange } from "./range";
import type { Finding, GuiltyFrame } from "./types";

export interface Context {
  log: BisectionLog;
  /** a fix bisection: the found commit is a fix, there is no `crash:` report, git's words are inverted */
  fix: boolean;
  /** what the found commit is called in messages: "culprit" or "fix" */
  found: FoundWord;
  start: Step | null;
  /** the test of the culprit commit (null for inconclusive results or untested culprits) */
  culprit: Step | null;
  /** crash titles of the start commit */
  startTitles: readonly SeenTitle[];
  /** cause: what the culprit was blamed for: its runs' titles plus the final `crash:` title (for
   *  inconclusive results, the titles of the last bad step). fix: the crash that stopped at the
   *  fix, i.e. the titles of the last step that still crashed (the fix's parent in linear
   *  history: the last crashed verdict is the newest lower bound of the range) */
  culpritTitles: readonly SeenTitle[];
  /** the step culpritTitles come from (besides the `crash:` report), if any */
  blamedStep: Step | null;
  crashKey: TitleKey | null;
  guilty: GuiltyFrame | null;
  /** the verdicts the judge trusts and the range they support (null without `git bisect start`) */
  trust: TrustedRange | null;
  /** the found commit's file paths normalised (`normalisePath`), index for index with its
   *  `files`: made once, since a culprit may list 60,000 files and several rules read them */
  foundPaths: readonly string[];
}

export type Rule = (ctx: Context) => Finding[];

/** `lines`: the log's text split into lines, when the caller has it (the guilty file is read
 *  from the report text the way syzbot reads it; without it, from the parsed frames). */
export function buildContext(log: BisectionLog, lines: string[] | null = null): Context {
  const start = startStep(log);
  const fix = log.type === "fix";
  const culprit = culpritStep(log);
  const crashKey = log.crash ? titleKey(log.crash.title) : null;
  // Inconclusive cause results have no culprit: the last bad verdict is what bounded the
  // candidates. In a fix bisection the found commit did not crash; what it fixed is the crash
  // of the last step that still crashed.
  const crashed = crashedSteps(log);
  const last = crashed[crashed.length - 1] ?? null;
  const blamedStep = fix ? last : culprit ?? (log.outcome === "inconclusive" ? last : null);
  const culpritTitles = blamedStep ? [...crashTitles(blamedStep)] : [];
  if (crashKey && log.crash) culpritTitles.push({ key: crashKey, line: log.crash.line });
  return {
    log,
    fix,
    found: foundWord(log.type),
    start,
    culprit,
    startTitles: start ? crashTitles(start) : [],
    culpritTitles,
    blamedStep,
    crashKey,
    guilty: findGuiltyFrame(log.crash, lines),
    trust: trustedRange(log),
    foundPaths: log.commit ? log.commit.files.map((f) => normalisePath(f.path)) : [],
  };
}

/** Quote a title for a message. */
export function q(title: string): string {
  return `“${title}”`;
}
