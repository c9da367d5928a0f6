// The commit record (`/c/<hash>`) as data: how often the commit was blamed, for which crashes
// and with which verdicts; where another bisection of the same crash saw the opposite of what
// the blaming one concluded; how far the blamings can be trusted before a `Fixes:` tag is
// written; where it was a candidate; every step that tested it. Built from stored rows only.
// Pure.
import type { AccountGroup } from "@/lib/commit-accounts";
import type { CommitRecord } from "@/lib/data/commit";
import { bugReading, stepVerdict, type StepVerdict, type VerdictSource } from "@/lib/domain/step-verdict";
import { foundWord, roleWords, type BisectionType, type Verdict, type FoundWord } from "@/lib/domain/words";
import { fixesTag, formatDay, runsSummary, shortHash } from "@/lib/format";
import { unique } from "@/lib/unique";

export interface Blaming {
  id: string;
  type: BisectionType;
  verdict: Verdict;
  title: string | null;
}

export interface TestedStep extends VerdictSource {
  bisectionId: string;
  type: BisectionType;
  title: string | null;
  index: number;
  line: number;
  endLine: number;
}

export interface Contradiction {
  /** the bisection whose step contradicts the blaming */
  bisectionId: string;
  step: number;
  line: number;
  endLine: number;
  title: string;
  /** what that step saw: "ok" at a blamed culprit, "crashed" at a named fix */
  saw: "ok" | "crashed";
  /** its runs in words ("6 of 10 OK, 4 boot failed"): a good verdict beside boot failures is
   *  not the same evidence as ten clean runs */
  runs: string;
}

/** Steps of other bisections of the same crash that saw the commit the other way: no crash
 *  at a commit blamed for causing it, a crash at a commit named as its fix. */
export function contradictions(found: Blaming[], steps: TestedStep[]): Contradiction[] {
  const expect = new Map<string, "crashed" | "ok">();
  for (const b of found) if (b.title) expect.set(b.title, b.type === "fix" ? "ok" : "crashed");
  const blamers = new Set(found.map((b) => b.id));
  const out: Contradiction[] = [];
  for (const s of steps) {
    if (blamers.has(s.bisectionId) || !s.title) continue;
    const want = expect.get(s.title);
    const saw = bugReading(stepVerdict(s.type, s));
    if (!want || (saw !== "ok" && saw !== "crashed") || saw === want) continue;
    out.push({ bisectionId: s.bisectionId, step: s.index, line: s.line, endLine: s.endLine, title: s.title, saw, runs: runsSummary(s.runs, s.allRunsOutcome) });
  }
  return out;
}

/** A warning to print beside the `Fixes:` tag, or null when every blaming was judged clean. */
export function fixesWarning(found: Pick<Blaming, "verdict">[]): string | null {
  if (found.length === 0) return "No bisection found this commit; it was only tested.";
  const wrong = found.filter((b) => b.verdict === "likely-wrong").length;
  const doubtful = found.filter((b) => b.verdict === "doubtful").length;
  if (wrong === 0 && doubtful === 0) return null;
  const n = found.length;
  if (wrong === n) {
    const who = n === 1 ? "The one bisection that found this commit was" : `All ${n} bisections that found this commit were`;
    return `${who} judged likely wrong: do not use this tag without checking.`;
  }
  const parts = [wrong ? `${wrong} likely wrong` : null, doubtful ? `${doubtful} doubtful` : null].filter(Boolean).join(", ");
  return `Of ${n} bisection${n === 1 ? "" : "s"} that found this commit, ${parts}: check before using this tag.`;
}

/** How often it was blamed, for which crashes, with which verdicts: a serial false culprit (a
 *  detector, a change that makes many bugs reachable) shows at once. */
export interface BlameRecord {
  count: number;
  byVerdict: { verdict: Verdict; n: number }[];
  /** most blamed first */
  byTitle: { title: string; n: number }[];
  /** blamed for three or more different crash titles */
  serial: boolean;
}

export function blameRecord(found: { verdict: Verdict; title: string | null }[]): BlameRecord | null {
  if (found.length === 0) return null;
  const byVerdict = new Map<Verdict, number>();
  const byTitle = new Map<string, number>();
  for (const b of found) {
    byVerdict.set(b.verdict, (byVerdict.get(b.verdict) ?? 0) + 1);
    const t = b.title ?? "(no title)";
    byTitle.set(t, (byTitle.get(t) ?? 0) + 1);
  }
  return {
    count: found.length,
    byVerdict: [...byVerdict].map(([verdict, n]) => ({ verdict, n })),
    byTitle: [...byTitle].map(([title, n]) => ({ title, n })).sort((a, b) => b.n - a.n),
    serial: byTitle.size >= 3,
  };
}

export interface CommitPage {
  hash: string;
  meta: { title: string; description: string };
  /** the header as the first log that found the commit printed it (else a tested step's subject) */
  subject: string | null;
  author: string | null;
  dateText: string | null;
  mergeParents: string[];
  fixesTag: string;
  fixesWarning: string | null;
  accounts: AccountGroup[];
  blame: BlameRecord | null;
  against: Contradiction[];
  /** title: the bisection's crash title, null where it has none (its id is shown anyway) */
  found: { id: string; uploaded: string; as: FoundWord; title: string | null; verdict: Verdict; headline: string | null }[];
  candidateOf: { id: string; title: string }[];
  /** every step that tested the commit; title as in `found` */
  steps: { bisectionId: string; title: string | null; index: number; role: string; line: number; endLine: number; verdict: StepVerdict; runs: string }[];
}

type Titled = { crashSignature: { title: string } | null; startSignature: { title: string } | null };
const titleOf = (b: Titled): string | null => b.crashSignature?.title ?? b.startSignature?.title ?? null;

export function commitPage(rec: CommitRecord): CommitPage {
  const { commit, accounts, found, candidateOf, steps } = rec;
  const head = accounts[0]?.first;
  const subject = head ? head.subject : commit.subject;
  const blamings: Blaming[] = found.map((b) => ({ id: b.id, type: b.type, verdict: b.verdict, title: titleOf(b) }));
  const tested = steps.map((s): TestedStep => ({ ...s, bisectionId: s.bisection.id, type: s.bisection.type, title: titleOf(s.bisection) }));
  const titles = unique(blamings.map((b) => b.title).filter((t): t is string => !!t));
  const title = `${shortHash(commit.hash)} ("${subject ?? ""}")`;
  return {
    hash: commit.hash,
    meta: {
      title,
      description: found.length
        ? `Blamed by ${found.length} bisection${found.length > 1 ? "s" : ""}: ${titles.slice(0, 3).join("; ")}`
        : `Tested in ${steps.length} bisection steps`,
    },
    subject,
    author: head?.author ?? null,
    dateText: head?.dateText ?? null,
    mergeParents: head?.mergeParents ?? [],
    fixesTag: fixesTag(commit.hash, subject),
    fixesWarning: fixesWarning(blamings),
    accounts,
    blame: blameRecord(blamings),
    against: contradictions(blamings, tested),
    found: found.map((b) => ({ id: b.id, uploaded: formatDay(b.uploadedAt) ?? "", as: foundWord(b.type), title: titleOf(b), verdict: b.verdict, headline: b.verdictHeadline })),
    candidateOf: candidateOf.map((b) => ({ id: b.id, title: titleOf(b) ?? b.id })),
    steps: tested.map((s, i) => ({
      bisectionId: s.bisectionId,
      title: s.title,
      index: s.index,
      role: roleWords(steps[i].role, steps[i].release),
      line: s.line,
      endLine: s.endLine,
      verdict: stepVerdict(s.type, s),
      runs: runsSummary(s.runs, s.allRunsOutcome),
    })),
  };
}
