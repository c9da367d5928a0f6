// What kept the reproducer from running: commits where no run got past syzkaller's own checks
// because the kernel failed basic testing or did not boot, each time with a crash title of its
// own (`all runs: basic kernel testing failed: KASAN: use-after-free Read in task_active_pid_ns`).
// An error bisection that gave up on old releases usually did so behind one such crash, so it
// is named with its commits rather than left in the per-run tooltips.

import { RUN_OUTCOME, RUN_OUTCOMES } from "@/lib/domain/words";

/** The slice of a stored step (and of the page's UiStep) this reads. */
export interface BlockingInput {
  index: number;
  commitHash: string;
  release: string | null;
  line: number;
  allRunsOutcome: string | null;
  allRunsTitle: string | null;
  allRunsLine: number | null;
  runs: { outcome: string; title: string | null; line: number }[];
}

export type BlockingKind = "test-failed" | "boot-failed";

export interface BlockedStep {
  index: number;
  commit: string;
  release: string | null;
  /** the first run (or `all runs:`) line that failed with the title */
  line: number;
  /** runs that failed with the title; null where the log only says `all runs:` */
  failed: number | null;
  runs: number | null;
}

export interface BlockingCrash {
  title: string;
  kind: BlockingKind;
  steps: BlockedStep[];
}

/** A setup failure's title as one line: machinery messages run over several lines (stored
 *  with each line end as U+FFFD, lib/ingest/display-safe.ts) and carry addresses (`failed to
 *  copy test binary to VM: ... root@10.128.0.32 ...`); grouping ignores the numbers, as
 *  syzkaller's own `executor NUM` titles do. */
export function headline(title: string): string {
  let end = title.length;
  const nl = title.indexOf("\n");
  const bad = title.indexOf("\ufffd");
  if (nl >= 0) end = nl;
  if (bad >= 0 && bad < end) end = bad;
  return end === title.length ? title : title.slice(0, end).trimEnd();
}
export function groupKey(kind: string, title: string): string {
  return `${kind}\u0000${title.replace(/\d+/g, "N")}`;
}

const SETUP: ReadonlySet<string> = new Set(["test-failed", "boot-failed"]);
/** outcomes that say nothing about the reproducer: setup failures and the machinery's own */
const NO_RESULT: ReadonlySet<string> = new Set(RUN_OUTCOMES.filter((o) => RUN_OUTCOME[o].count === "lost" || RUN_OUTCOME[o].count === "boot"));

/** At each commit where no run reached the reproducer and at least one failed basic testing or
 *  boot with a title, the most frequent such title (the first on a tie); grouped by title, the
 *  title blocking most commits first. One pass over the runs. */
export function blockingCrashes(steps: readonly BlockingInput[]): BlockingCrash[] {
  const groups = new Map<string, BlockingCrash>();
  for (const s of steps) {
    let title: string | null = null;
    let kind: BlockingKind = "test-failed";
    let failed: number | null = null;
    let line = s.line;
    let runs: number | null = null;
    if (s.allRunsOutcome !== null) {
      if (!SETUP.has(s.allRunsOutcome) || !s.allRunsTitle) continue;
      title = headline(s.allRunsTitle);
      kind = s.allRunsOutcome as BlockingKind;
      line = s.allRunsLine ?? s.line;
    } else {
      if (s.runs.length === 0 || s.runs.some((r) => !NO_RESULT.has(r.outcome))) continue;
      const count = new Map<string, { n: number; kind: BlockingKind; line: number; title: string }>();
      for (const r of s.runs) {
        if (!r.title || !SETUP.has(r.outcome)) continue;
        const one = headline(r.title);
        const key = groupKey(r.outcome, one);
        const c = count.get(key);
        if (c) c.n++;
        else count.set(key, { n: 1, kind: r.outcome as BlockingKind, line: r.line, title: one });
      }
      let best: { n: number; kind: BlockingKind; line: number; title: string } | null = null;
      for (const c of count.values()) if (!best || c.n > best.n) best = c;
      if (!best) continue;
      title = best.title;
      kind = best.kind;
      failed = best.n;
      line = best.line;
      runs = s.runs.length;
    }
    const key = groupKey(kind, title);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { title, kind, steps: [] }));
    g.steps.push({ index: s.index, commit: s.commitHash, release: s.release, line, failed, runs });
  }
  return [...groups.values()].sort((a, b) => b.steps.length - a.steps.length);
}
