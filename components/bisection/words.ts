// Words for roles, verdicts and run outcomes. Fix bisections invert git's terms (a `good`
// commit there still crashes), so the page says what happened, never the git word alone.
import { headline } from "@/lib/analysis/blocking";
import { verdictCrashed } from "@/lib/format";
import type { UiRun, UiStep } from "./types";

export type Mark = "crashed" | "ok" | "boot" | "failed" | "ignored" | "none";

export function roleWords(s: UiStep): string {
  switch (s.role) {
    case "release":
      return s.release ? `release ${s.release}` : "release";
    case "head":
      return "HEAD";
    case "merge-base":
      return "merge base";
    default:
      return s.role;
  }
}

export const RUN_WORDS: Record<string, string> = {
  ok: "OK",
  crashed: "crashed",
  "boot-failed": "boot failed",
  "test-failed": "test failed",
  infra: "infra problem",
  ignored: "ignored",
  failed: "failed",
};

export function runMark(outcome: string): Mark {
  switch (outcome) {
    case "crashed":
      return "crashed";
    case "ok":
      return "ok";
    case "boot-failed":
      return "boot";
    case "ignored":
      return "ignored";
    default:
      return "failed";
  }
}

/** A run in words, for its tooltip; a machinery message that runs over lines is cut to its first (the log has it whole). */
export function runLabel(r: UiRun): string {
  return `run ${r.index}: ${RUN_WORDS[r.outcome] ?? r.outcome}${r.title ? `: ${shortTitle(r.title)}` : ""}`;
}

/** A run's title as one line of at most 160 characters. */
export function shortTitle(title: string): string {
  const one = headline(title);
  return one.length > 160 ? `${one.slice(0, 158)}…` : one === title ? title : `${one} …`;
}

export interface StepVerdict {
  /** what happened, in words */
  words: string;
  /** git's own word, shown small, for cause bisections where it is not misleading */
  git: string | null;
  mark: Mark;
}

/** The verdict of a tested commit in words: from git's verdict when there is one, else from its runs. */
export function stepVerdict(s: UiStep, type: string): StepVerdict {
  const fix = type === "fix";
  if (s.verdict === "skip") return { words: "skipped", git: "skip", mark: "ignored" };
  const crashed = verdictCrashed(type, s.verdict);
  if (crashed !== null) {
    return {
      words: crashed ? "crashed" : fix ? "did not crash" : "OK",
      git: fix ? null : s.verdict,
      mark: crashed ? "crashed" : "ok",
    };
  }
  if (s.buildError) return { words: "build failed", git: null, mark: "failed" };
  if (s.untested) return { words: "not tested", git: null, mark: "none" };
  const outcomes = s.allRunsOutcome ? [s.allRunsOutcome] : s.runs.map((r) => r.outcome);
  if (outcomes.includes("crashed")) return { words: "crashed", git: null, mark: "crashed" };
  if (outcomes.length && outcomes.every((o) => o === "ok")) return { words: fix ? "did not crash" : "OK", git: null, mark: "ok" };
  if (outcomes.includes("boot-failed")) return { words: "boot failed", git: null, mark: "boot" };
  if (outcomes.length) return { words: "failed", git: null, mark: "failed" };
  return { words: "–", git: null, mark: "none" };
}
