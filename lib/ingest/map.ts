// Parse result -> database rows. Pure: no I/O, so the mapping is testable on its own.
import { RUN_OUTCOME } from "@/lib/domain/words";
import { uniqueSorted } from "@/lib/unique";
import type { BisectionLog, CrashReport, RunOutcome } from "@/lib/parser/types";
import type { Judgement } from "@/lib/analysis/types";
import { guiltyRoute } from "@/lib/analysis/guilty";
import type { JudgeDetail } from "@/lib/validations/judge-detail";

export function signatureTitles(log: BisectionLog): string[] {
  const titles: string[] = [];
  for (const s of log.steps) {
    for (const r of s.runs) if (isCrashOutcome(r.outcome) && r.title) titles.push(r.title);
    if (s.allRuns && isCrashOutcome(s.allRuns.outcome) && s.allRuns.title) titles.push(s.allRuns.title);
  }
  if (log.crash) titles.push(log.crash.title);
  return uniqueSorted(titles);
}

/** The crash title seen most often at the first tested commit. */
export function startTitle(log: BisectionLog): string | null {
  const first = log.steps.find((s) => s.role === "start") ?? log.steps[0];
  if (!first) return null;
  if (first.allRuns?.outcome === "crashed") return first.allRuns.title;
  const counts = new Map<string, number>();
  for (const r of first.runs) if (r.outcome === "crashed" && r.title) counts.set(r.title, (counts.get(r.title) ?? 0) + 1);
  let best: string | null = null;
  for (const [t, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = t;
  return best;
}

/** Run outcomes whose title names a crash (and so a crash signature). */
export function isCrashOutcome(o: RunOutcome): boolean {
  return RUN_OUTCOME[o].signature;
}

/** Lower-cased text the list's search box matches with a trigram index: crash titles, the
 *  found commit's subject and author, the stack trace's functions and files. Commit hashes are
 *  matched by prefix through btrees instead (lib/data/list-query.ts), the culprit's files by
 *  the path filter: they were most of the text every search reads. */
export function searchText(log: BisectionLog): string {
  const parts = new Set<string>();
  for (const t of signatureTitles(log)) parts.add(t);
  if (log.commit) {
    parts.add(log.commit.subject);
    parts.add(log.commit.author);
  }
  for (const f of log.crash?.frames ?? []) {
    parts.add(f.function);
    if (f.file) parts.add(f.file);
  }
  return [...parts].join("\n").toLowerCase();
}

export interface CommitRow {
  hash: string;
  subject: string | null;
}

/** Every commit the log names, once, sorted (a fixed lock order for concurrent imports). */
export function commitRows(log: BisectionLog): CommitRow[] {
  const rows = new Map<string, string | null>();
  const add = (hash: string, subject: string | null) => {
    if (!hash) return;
    const prev = rows.get(hash);
    rows.set(hash, prev ?? subject ?? null);
  };
  add(log.startCommit, null);
  for (const s of log.steps) add(s.commit, s.subject);
  for (const c of log.candidates) add(c, null);
  if (log.commit) add(log.commit.hash, log.commit.subject);
  return [...rows].map(([hash, subject]) => ({ hash, subject })).sort((a, b) => (a.hash < b.hash ? -1 : 1));
}

/** What `bisection.judge_detail` keeps (lib/validations/judge-detail.ts reads it back). */
export function judgeDetail(j: Judgement): JudgeDetail {
  return { guilty: guiltyRoute(j.guilty), trust: j.trust, chanceTerms: j.chanceTerms };
}

/** What `crash_report.guilty_file` / `guilty_frame` keep: the judge's route (syzbot's reading of
 *  the report), else what the parse set. Ingest, the bulk rows and the re-judge all write this. */
export function crashGuilty(j: Judgement, crash: CrashReport): { file: string | null; frame: number | null } {
  return { file: j.guilty?.file ?? crash.guiltyFile, frame: j.guilty?.frameIndex ?? crash.guiltyFrame };
}
