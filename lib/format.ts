// Small formatting helpers shared by pages, feeds and the CLI.

export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/** The kernel's `Fixes:` tag: `Fixes: 997acaf6b4b5 ("lockdep: report broken irq restoration")`. */
export function fixesTag(hash: string, subject: string | null): string {
  return `Fixes: ${shortHash(hash)} ("${subject ?? ""}")`;
}

/** syzbot's command that marks a bug fixed by a commit: `#syz fix: <subject>`. */
export function syzFixCommand(subject: string | null): string {
  return `#syz fix: ${subject ?? ""}`;
}

/** Base of commit and tree links; configurable for other trees (e.g. linux-next). */
export function kernelTreeUrl(): string {
  return (process.env.BISECTVIEW_KERNEL_TREE ?? "https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git").replace(/\/$/, "");
}

export function commitUrl(hash: string): string {
  return `${kernelTreeUrl()}/commit/?id=${hash}`;
}

export function sourceUrl(file: string, hash: string, line?: number | null): string {
  const path = file.replace(/^\.\//, "");
  return `${kernelTreeUrl()}/tree/${path}?id=${hash}${line && line > 0 ? `#n${line}` : ""}`;
}

export function formatSeconds(s: number | null | undefined): string {
  if (s === null || s === undefined) return "–";
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(Math.round(s % 60)).padStart(2, "0")}s`;
  return `${s < 10 ? s.toFixed(1) : Math.round(s)}s`;
}

export function formatDate(d: Date | string): string {
  const date = typeof d === "string" ? new Date(d) : d;
  return date.toISOString().slice(0, 16).replace("T", " ");
}

/** Outcome in words, as syzbot's dashboard would say it, for cause and fix bisections. */
export function outcomeWords(type: string, outcome: string): string {
  const fix = type === "fix";
  switch (outcome) {
    case "found":
      return fix ? "fixed by" : "introduced by";
    case "inconclusive":
      return "could be any of";
    case "horizon":
      return fix ? "still happens on HEAD" : "happens on the oldest tested release";
    case "error":
      return "failed";
    default:
      return "incomplete log";
  }
}

/** Whether a git verdict means the commit crashed: fix bisections invert git's good/bad.
 *  null for no verdict or `skip`. */
export function verdictCrashed(type: string, verdict: string | null): boolean | null {
  if (verdict !== "good" && verdict !== "bad") return null;
  return type === "fix" ? verdict === "good" : verdict === "bad";
}

/** A git verdict in the words of what happened. */
export function stepVerdictWords(type: string, verdict: string | null): string {
  if (verdict === "skip") return "skipped";
  const crashed = verdictCrashed(type, verdict);
  if (crashed === null) return "–";
  return crashed ? "crashed" : type === "fix" ? "did not crash" : "OK";
}

/** Words for the run outcomes that are neither crashed nor OK, as the runs strip names them. */
const OTHER_RUNS: [string, string][] = [
  ["boot-failed", "boot failed"],
  ["test-failed", "test failed"],
  ["infra", "infra error"],
  ["ignored", "ignored"],
  ["failed", "failed"],
];

/** A step's runs in a few words: `8:10 crashed`, then every other kind that happened
 *  (`2 boot failed`), so a verdict resting on fewer usable runs shows it; `all OK (runs not
 *  counted)` where the log printed one `all runs:` line instead of the runs. */
export function runsSummary(runs: { outcome: string }[], allRunsOutcome: string | null): string {
  if (allRunsOutcome) return `all ${allRunsOutcome === "ok" ? "OK" : allRunsOutcome} (runs not counted)`;
  if (runs.length === 0) return "no runs";
  const count = new Map<string, number>();
  for (const r of runs) count.set(r.outcome, (count.get(r.outcome) ?? 0) + 1);
  const parts = [`${count.get("crashed") ?? 0}:${runs.length} crashed`];
  for (const [outcome, words] of OTHER_RUNS) if (count.get(outcome)) parts.push(`${count.get(outcome)} ${words}`);
  return parts.join(", ");
}
