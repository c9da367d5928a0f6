// Two bisections side by side: aligned by tested commit, where their verdicts differ, which
// crash titles changed, and whether they found the same commit. Pure.
import { runsSummary, verdictCrashed } from "@/lib/format";

export interface CompareStep {
  commit: string;
  /** start | release | bisect | ... (the parser's step role) */
  role?: string;
  release?: string | null;
  subject: string | null;
  verdict: string | null;
  runs: { outcome: string; title: string | null }[];
  allRunsOutcome: string | null;
  allRunsTitle: string | null;
}

export interface CompareSide {
  type: string;
  foundCommit: string | null;
  steps: CompareStep[];
}

export interface AlignedRow {
  commit: string;
  subject: string | null;
  /** index of the step in a / b, null when that side did not test the commit */
  a: number | null;
  b: number | null;
  /** "crashed" / "OK" / "skipped" / null, in words that mean the same for cause and fix */
  outcomeA: string | null;
  outcomeB: string | null;
  /** what the step was on each side ("start", "release v5.10", "bisect"), null where untested */
  roleA: string | null;
  roleB: string | null;
  /** each side's runs in words ("8:10 crashed, 2 boot failed") */
  runsA: string | null;
  runsB: string | null;
  titlesA: string[];
  titlesB: string[];
  verdictsDiffer: boolean;
  titlesDiffer: boolean;
}

export interface Comparison {
  rows: AlignedRow[];
  sameFoundCommit: boolean | null;
  commonCommits: number;
  differingVerdicts: number;
}

/** "crashed" / "OK" / "skipped": the same words for cause and fix bisections. Steps without a
 *  git verdict (the start commit, release tests, a fix bisection's HEAD) are read from their
 *  runs: any crash → "crashed", every run OK → "OK", otherwise (build error, no runs, only
 *  lost runs) null. */
export function stepOutcome(type: string, s: CompareStep): string | null {
  if (s.verdict === "skip") return "skipped";
  const crashed = verdictCrashed(type, s.verdict);
  if (crashed !== null) return crashed ? "crashed" : "OK";
  if (s.allRunsOutcome === "crashed" || s.runs.some((r) => r.outcome === "crashed")) return "crashed";
  if (s.runs.length > 0 ? s.runs.every((r) => r.outcome === "ok") : s.allRunsOutcome === "ok") return "OK";
  return null;
}

function roleWords(s: CompareStep): string | null {
  if (!s.role) return null;
  return s.role === "release" && s.release ? `release ${s.release}` : s.role;
}

function titles(s: CompareStep): string[] {
  const t = new Set<string>();
  for (const r of s.runs) if (r.outcome === "crashed" && r.title) t.add(r.title);
  if (s.allRunsOutcome === "crashed" && s.allRunsTitle) t.add(s.allRunsTitle);
  return [...t].sort();
}

export function compareBisections(a: CompareSide, b: CompareSide): Comparison {
  const order: string[] = [];
  const at = new Map<string, { a: number | null; b: number | null; subject: string | null }>();
  a.steps.forEach((s, i) => {
    if (!at.has(s.commit)) {
      order.push(s.commit);
      at.set(s.commit, { a: i, b: null, subject: s.subject });
    }
  });
  b.steps.forEach((s, i) => {
    const row = at.get(s.commit);
    if (row) {
      if (row.b === null) row.b = i;
      row.subject ??= s.subject;
    } else {
      order.push(s.commit);
      at.set(s.commit, { a: null, b: i, subject: s.subject });
    }
  });
  const rows = order.map((commit): AlignedRow => {
    const { a: ia, b: ib, subject } = at.get(commit)!;
    const sa = ia === null ? null : a.steps[ia];
    const sb = ib === null ? null : b.steps[ib];
    const outcomeA = sa ? stepOutcome(a.type, sa) : null;
    const outcomeB = sb ? stepOutcome(b.type, sb) : null;
    const titlesA = sa ? titles(sa) : [];
    const titlesB = sb ? titles(sb) : [];
    const both = sa !== null && sb !== null;
    return {
      commit,
      subject,
      a: ia,
      b: ib,
      outcomeA,
      outcomeB,
      roleA: sa ? roleWords(sa) : null,
      roleB: sb ? roleWords(sb) : null,
      runsA: sa ? runsSummary(sa.runs, sa.allRunsOutcome) : null,
      runsB: sb ? runsSummary(sb.runs, sb.allRunsOutcome) : null,
      titlesA,
      titlesB,
      verdictsDiffer: both && outcomeA !== null && outcomeB !== null && outcomeA !== outcomeB,
      titlesDiffer: both && titlesA.join("\n") !== titlesB.join("\n"),
    };
  });
  return {
    rows,
    sameFoundCommit: a.foundCommit && b.foundCommit ? a.foundCommit === b.foundCommit : null,
    commonCommits: rows.filter((r) => r.a !== null && r.b !== null).length,
    differingVerdicts: rows.filter((r) => r.verdictsDiffer).length,
  };
}
