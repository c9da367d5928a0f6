// What a tested commit showed, in one set of words for every page: from git's verdict when the
// log has one, else from its runs. Fix bisections invert git's words (a `good` commit there
// still crashes; bisect-log-format §2.5 G2), so nothing outside this file compares a step's
// verdict with "good" or "bad" to learn whether it crashed. Pure.
import type { BisectionType, GitVerdict, Mark, RunOutcome } from "./words";

/** Whether a git verdict means the commit crashed: fix bisections invert git's good/bad.
 *  null for no verdict or `skip`. */
export function verdictCrashed(type: BisectionType, verdict: GitVerdict | null): boolean | null {
  if (verdict !== "good" && verdict !== "bad") return null;
  return type === "fix" ? verdict === "good" : verdict === "bad";
}

/** What a step showed: crashed / ok / skipped are readings of the bug; the rest say why there is
 *  none (build failed, not tested, only boot failures or lost runs, nothing at all). */
export type StepOutcome = "crashed" | "ok" | "skipped" | "build-failed" | "untested" | "boot-failed" | "failed" | "none";

export interface StepVerdict {
  outcome: StepOutcome;
  /** what happened, in words ("crashed", "OK", "did not crash" in fix bisections) */
  words: string;
  /** git's own word, for cause bisections where it is not misleading; null otherwise */
  git: GitVerdict | null;
  mark: Mark;
}

/** The fields of a step the verdict is read from (the parser's Step and the stored one). */
export interface VerdictSource {
  verdict: GitVerdict | null;
  buildError?: string | null;
  untested?: boolean;
  /** `all runs: <outcome>` (then `runs` is empty) */
  allRunsOutcome: RunOutcome | null;
  runs: readonly { outcome: RunOutcome }[];
  /** the test block's notes: a `failed: ...` line is the machinery failing to set up the test
   *  (`failed to create VM pool: ...`) */
  notes?: readonly { text: string | null }[];
}

/** The machinery's `failed: <why>` line of a test block (patterns.ts failedNote). */
const SETUP_FAILED = "failed: ";

const okWords = (type: BisectionType) => (type === "fix" ? "did not crash" : "OK");

export function stepVerdict(type: BisectionType, s: VerdictSource): StepVerdict {
  if (s.verdict === "skip") return { outcome: "skipped", words: "skipped", git: "skip", mark: "ignored" };
  const git = type === "fix" ? null : s.verdict;
  const crashed = verdictCrashed(type, s.verdict);
  if (crashed === true) return { outcome: "crashed", words: "crashed", git, mark: "crashed" };
  if (crashed === false) return { outcome: "ok", words: okWords(type), git, mark: "ok" };
  if (s.buildError) return { outcome: "build-failed", words: "build failed", git: null, mark: "failed" };
  if (s.untested) return { outcome: "untested", words: "not tested", git: null, mark: "none" };
  let total = 0;
  let ok = 0;
  let boot = false;
  let basic = false;
  const seen = (o: RunOutcome) => {
    total++;
    if (o === "ok") ok++;
    if (o === "boot-failed") boot = true;
    else if (o === "test-failed") basic = true;
    return o === "crashed";
  };
  if (s.allRunsOutcome ? seen(s.allRunsOutcome) : s.runs.some((r) => seen(r.outcome))) {
    return { outcome: "crashed", words: "crashed", git: null, mark: "crashed" };
  }
  // No crash, and at least half the runs (rounded down, as Go's integer division) reached the
  // reproducer and passed: what syzkaller calls a good kernel (pkg/bisect bisectionDecision wants
  // total/2 good runs and no crash; 3/4 for a reproducer it calls flaky, which a step does not
  // know), e.g. a release with 2 runs lost to basic testing and 8 OK, then git's good end.
  if (ok > 0 && ok >= Math.floor(total / 2)) return { outcome: "ok", words: okWords(type), git: null, mark: "ok" };
  if (boot) return { outcome: "boot-failed", words: "boot failed", git: null, mark: "boot" };
  // Too few runs reached the reproducer. Where some failed basic kernel testing, the others were
  // lost before the kernel was tested (infra problem, the machinery's `failed`, ignored) or too
  // few passed: it is drawn as the runs that stopped it are (⊘), as the blocking-crash line
  // (lib/analysis/blocking.ts) counts it.
  if (basic) return { outcome: "failed", words: "failed basic testing", git: null, mark: "basic" };
  if (total > 0) return { outcome: "failed", words: "failed", git: null, mark: "failed" };
  // no run at all because the machinery could not set the test up (a VM pool, an image): an
  // infra failure (◆), said in words rather than a bare dash
  if (s.notes?.some((n) => n.text?.startsWith(SETUP_FAILED))) return { outcome: "failed", words: "setup failed", git: null, mark: "failed" };
  return { outcome: "none", words: "–", git: null, mark: "none" };
}

/** A reading of the bug at the commit (crashed, ok, skipped), null when the step gives none:
 *  what two bisections' steps at one commit are compared on. */
export function bugReading(v: StepVerdict): "crashed" | "ok" | "skipped" | null {
  return v.outcome === "crashed" || v.outcome === "ok" || v.outcome === "skipped" ? v.outcome : null;
}
