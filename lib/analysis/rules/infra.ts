// Infrastructure share and mixed signatures: runs that said nothing about the bug (infra
// problems, failed basic testing, ignored, boot failures), and commits that crashed several ways.
// Both apply to fix bisections; verdicts are read through `stepCrashed` (a fix bisection's
// "did not crash" is git's `bad`).
import { shortHash } from "@/lib/format";
import { uniqueSorted } from "@/lib/unique";
import { type Context } from "../context";
import { countRuns, crashTitles, distinctTitles, stepCrashed, stepLine, verdictWords } from "../steps";
import type { Finding } from "../types";
import type { Step } from "@/lib/parser/types";

export function infraShare(ctx: Context): Finding[] {
  let lost = 0;
  let total = 0;
  // what the log itself counts: `all runs:` lines print no run count
  let loggedLost = 0;
  let logged = 0;
  let uncounted = 0;
  const lines: number[] = [];
  const weak: string[] = [];
  for (const s of ctx.log.steps) {
    const c = countRuns(s);
    total += c.total;
    lost += c.infra + c.boot;
    if (c.exact) {
      logged += c.total;
      loggedLost += c.infra + c.boot;
    } else uncounted++;
    for (const r of s.runs) if (r.outcome !== "ok" && r.outcome !== "crashed") lines.push(r.line);
    if (s.runs.length === 0 && s.allRuns && s.allRuns.outcome !== "ok" && s.allRuns.outcome !== "crashed") lines.push(s.allRuns.line);
    // a clean verdict where fewer than half of the runs were clean tells little
    if (stepCrashed(ctx.log.type, s) === false && c.exact && c.infra + c.boot > 0 && c.ok < c.total / 2) {
      weak.push(shortHash(s.commit));
      lines.push(stepLine(s));
    }
    if (s.verdict === "skip") lines.push(stepLine(s));
  }
  const skips = ctx.log.steps.filter((s) => s.verdict === "skip").length;
  if (lost === 0 && skips === 0) return [];
  const share = total > 0 ? lost / total : 0;
  // half the runs lost means most verdicts rest on a handful of runs
  const severity = share >= 0.5 ? "medium" : weak.length > 0 || share >= 0.2 || skips > 0 ? "low" : "info";
  const parts = [`${loggedLost} of ${logged} logged runs were lost to infrastructure, test or boot failures`];
  if (uncounted > 0) parts.push(`${uncounted} step${uncounted > 1 ? "s" : ""} printed only an \`all runs:\` line, with no run count`);
  if (skips > 0) parts.push(`${skips} commit${skips > 1 ? "s were" : " was"} skipped`);
  if (weak.length > 0) parts.push(`${weak.join(", ")} ${weak.length > 1 ? "were" : "was"} ${verdictWords(ctx.log.type).clean} on fewer than half clean runs`);
  return [{ rule: "infra-share", severity, message: `${parts.join("; ")}.`, lines: uniqueSorted(lines).slice(0, 50) }];
}

/** Does the step crash in two places (two specific titles that are not the same bug)? */
function twoPlaces(step: Step): boolean {
  let first: string | null = null;
  for (const t of crashTitles(step)) {
    const p = t.key.place;
    if (p === null) continue;
    if (first === null) first = p;
    else if (p !== first) return true;
  }
  return false;
}

/** Commits a mixed-signatures finding names; the rest are counted. */
const MIXED_NAMED = 30;

export function mixedSignatures(ctx: Context): Finding[] {
  // two specific titles that are not the same bug: two places (counted with a Set, not by pairs)
  const mixed = ctx.log.steps.filter(twoPlaces);
  if (mixed.length === 0) return [];
  const lines = mixed.flatMap((s) => distinctTitles(s).map((t) => t.line));
  // a real log has at most a few dozen such commits (24 in the corpus); a crafted one, thousands
  const named = mixed.slice(0, MIXED_NAMED).map((s) => shortHash(s.commit));
  if (mixed.length > MIXED_NAMED) named.push(`and ${mixed.length - MIXED_NAMED} more`);
  return [
    {
      rule: "mixed-signatures",
      severity: "low",
      message: `${mixed.length} commit${mixed.length > 1 ? "s" : ""} (${named.join(", ")}) crashed with different bugs in different runs.`,
      lines: uniqueSorted(lines),
    },
  ];
}
