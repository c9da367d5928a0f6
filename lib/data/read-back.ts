import "server-only";
// Rows as the domain's words: PostgreSQL hands back `text`, whose CHECK constraints hold the
// lists of lib/domain/words.ts (prisma/vocabulary-sync.test.ts); these say so to the type
// checker, and fail with the row and column for a word this code does not know (a database
// written by a newer release).
import {
  BISECTION_TYPES,
  GIT_VERDICTS,
  OUTCOMES,
  RUN_OUTCOMES,
  STEP_ROLES,
  VERDICTS,
  word,
  type BisectionType,
  type GitVerdict,
  type Outcome,
  type RunOutcome,
  type StepRole,
  type Verdict,
} from "@/lib/domain/words";

/** `R` with the fields of `M` in place of its own (a column's string read as the word it holds). */
export type With<R, M> = Omit<R, keyof M> & M;

type Head = { id: string; type: string; outcome?: string; verdict?: string };
type HeadWords<R extends Head> = With<
  R,
  { type: BisectionType } & (R extends { outcome: string } ? { outcome: Outcome } : unknown) & (R extends { verdict: string } ? { verdict: Verdict } : unknown)
>;

/** A bisection row's type, outcome and verdict (those it has) as words. */
export function headWords<R extends Head>(r: R): HeadWords<R> {
  const at = `bisection ${r.id}`;
  const out: Record<string, unknown> = { ...r, type: word(BISECTION_TYPES, r.type, `${at} type`) };
  if (r.outcome !== undefined) out.outcome = word(OUTCOMES, r.outcome, `${at} outcome`);
  if (r.verdict !== undefined) out.verdict = word(VERDICTS, r.verdict, `${at} verdict`);
  return out as HeadWords<R>;
}

type StepRow = { role: string; verdict: string | null; allRunsOutcome: string | null; runs: { outcome: string }[] };
type StepWords<S extends StepRow> = With<
  S,
  { role: StepRole; verdict: GitVerdict | null; allRunsOutcome: RunOutcome | null; runs: With<S["runs"][number], { outcome: RunOutcome }>[] }
>;

/** A step row's role, verdict and run outcomes as words; the runs are checked in place (a step
 *  may have 200,000), not copied. */
export function stepWords<S extends StepRow>(s: S, where: string): StepWords<S> {
  for (const r of s.runs) word(RUN_OUTCOMES, r.outcome, `${where} run outcome`);
  return {
    ...s,
    role: word(STEP_ROLES, s.role, `${where} role`),
    verdict: s.verdict === null ? null : word(GIT_VERDICTS, s.verdict, `${where} verdict`),
    allRunsOutcome: s.allRunsOutcome === null ? null : word(RUN_OUTCOMES, s.allRunsOutcome, `${where} all_runs_outcome`),
    // every outcome was checked just above
    runs: s.runs as StepWords<S>["runs"],
  };
}
