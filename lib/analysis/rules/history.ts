// Deep history: before `git bisect start`, syzbot walks back release by release until the
// reproducer stops crashing. When it crashed on many releases, the bug is old, and the first
// release where it stops crashing is more often where the reproducer stops *reaching* it (a
// syscall, option or driver it needs is missing, the config or compiler of that era differs)
// than where the bug was written; the culprit is then the commit that made the old bug reachable.
// Not for fix bisections: they test HEAD, not older releases, and how old a bug is says
// nothing about where it stopped.
import { type Context } from "../context";
import { uniqueSorted } from "@/lib/unique";
import { countRuns, crashTitles, stepLine } from "../steps";
import type { Finding } from "../types";

/** Mainline releases come every 9-10 weeks: six is about a year of kernel history. */
export const DEEP_RELEASES = 6;

export function deepHistory(ctx: Context): Finding[] {
  if (ctx.fix) return [];
  const crashed = ctx.log.steps.filter((s) => s.role === "release" && countRuns(s).crashed > 0);
  if (crashed.length < DEEP_RELEASES) return [];
  const oldest = crashed[crashed.length - 1];
  const where = oldest.release ? ` back to ${oldest.release}` : "";
  return [
    {
      rule: "deep-history",
      severity: "medium",
      message: `The reproducer crashed ${crashed.length} releases${where} (about a year or more of history) before one passed: for a bug that old, the first passing release more often lacks what the reproducer needs than the bug itself, so the culprit may only have made an older bug reachable.`,
      // the first crash at the newest and at the oldest crashing release
      lines: uniqueSorted([crashTitles(crashed[0])[0]?.line ?? stepLine(crashed[0]), crashTitles(oldest)[0]?.line ?? stepLine(oldest)]),
    },
  ];
}
