// Small formatting helpers shared by pages, feeds and the CLI. Words for the domain's values
// (outcomes, verdicts, run outcomes) are in lib/domain.
import { normalisePath } from "@/lib/domain/paths";
import { RUN_OUTCOME, RUN_OUTCOMES, type RunOutcome } from "@/lib/domain/words";

/** "likely wrong" -> "Likely wrong" */
export function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

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
  return `${kernelTreeUrl()}/tree/${normalisePath(file)}?id=${hash}${line && line > 0 ? `#n${line}` : ""}`;
}

/** A model's chance as a reader should take it: rounded, but never to certainty ("99%+" for
 *  0.996, "<1%" for 0.004), with the same figure "in 100". */
export function chanceWords(x: number): { pct: string; in100: string } {
  if (x >= 0.995) return { pct: ">99%", in100: "more than 99" };
  if (x < 0.005) return { pct: "<1%", in100: "fewer than 1" };
  const n = Math.round(100 * x);
  return { pct: `${n}%`, in100: `about ${n}` };
}

/** A probability as the page prints a measured one (syzkaller's confidence, a false-negative
 *  chance): one decimal, `<0.1%` rather than a 0.0% that reads as impossible. */
export function percent(x: number): string {
  if (x > 0 && x < 0.0005) return "<0.1%";
  return `${(x * 100).toFixed(1)}%`;
}

export function formatSeconds(s: number | null | undefined): string {
  if (s === null || s === undefined) return "–";
  // rounded once, to what the form shows: 14m59.6s is 15m00s (it was 14m60s), 8h11m58s 8h12m
  if (s >= 3600 - 30) {
    const min = Math.round(s / 60);
    return `${Math.floor(min / 60)}h${String(min % 60).padStart(2, "0")}m`;
  }
  if (s >= 59.5) {
    const sec = Math.round(s);
    return `${Math.floor(sec / 60)}m${String(sec % 60).padStart(2, "0")}s`;
  }
  return `${s < 9.95 ? s.toFixed(1) : Math.round(s)}s`;
}

/** `2026-11-25 05:05` (UTC): when something was uploaded or marked. */
export function formatDate(d: Date | string): string {
  return toDate(d).toISOString().slice(0, 16).replace("T", " ");
}

/** `2026-11-25` (UTC), or null for a date that cannot be read. */
export function formatDay(d: Date | string | null): string | null {
  if (d === null) return null;
  const date = toDate(d);
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

function toDate(d: Date | string): Date {
  return typeof d === "string" ? new Date(d) : d;
}

/** The run outcomes that are neither crashed nor OK, in the vocabulary's order. */
const OTHER_RUNS = RUN_OUTCOMES.filter((o) => o !== "crashed" && o !== "ok");

/** A step's runs in a few words: `8 of 10 crashed`, then every other kind that happened
 *  (`2 boot failed`), so a verdict resting on fewer usable runs shows it; `all OK (runs not
 *  counted)` where the log printed one `all runs:` line instead of the runs. */
export function runsSummary(runs: readonly { outcome: RunOutcome }[], allRunsOutcome: RunOutcome | null): string {
  if (allRunsOutcome) return `all ${RUN_OUTCOME[allRunsOutcome].label} (runs not counted)`;
  if (runs.length === 0) return "no runs";
  const count = new Map<RunOutcome, number>();
  for (const r of runs) count.set(r.outcome, (count.get(r.outcome) ?? 0) + 1);
  // "8 of 10", not the matrix's 8:10, which beside words reads like a time of day
  const parts = [`${count.get("crashed") ?? 0} of ${runs.length} crashed`];
  for (const outcome of OTHER_RUNS) if (count.get(outcome)) parts.push(`${count.get(outcome)} ${RUN_OUTCOME[outcome].label}`);
  return parts.join(", ");
}
