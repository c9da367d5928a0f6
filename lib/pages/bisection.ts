// The bisection page (`/b/<id>`) as data: everything its sections show, derived from the stored
// bisection alone (no raw-log parsing: the log is read only for the raw report's text, at
// `crash.shown`). app/b/[id]/page.tsx hands each section its slice; the components only
// lay them out. Pure.
import type { BisectionDetail } from "@/lib/data/bisection";
import { BISECTION_TYPE, foundWord, outcomeWords, SEVERITY, VERDICT, type BisectionType, type Tone, type Verdict, type FoundWord } from "@/lib/domain/words";
import { specific, titleKey } from "@/lib/analysis/titles";
import { blockingCrashes, type BlockingCrash } from "@/lib/analysis/blocking";
import { capitalised, fixesTag, formatDate, formatDay, shortHash, syzFixCommand } from "@/lib/format";
import { lineRanges } from "@/lib/log-range";
import type { MarkView } from "@/lib/marks/summary";
import type { TrustedRangeDetail } from "@/lib/validations/judge-detail";
import { unique } from "@/lib/unique";
import { crashView, type CrashView } from "./crash";
import { culpritView, type CulpritView } from "./culprit";
import { buildFailures, sameBinaryAs, timelineView, type BuildFailure, type TimelineView } from "./timeline";
import type { PageStep } from "./types";

/** What the bisection concluded, in words: "Introduced by <commit>", "Could be any of ...". */
export type OutcomeView =
  | { kind: "found"; words: string; hash: string; subject: string | null; byline: string }
  | { kind: "inconclusive"; words: string; candidates: { hash: string; subject: string | null }[] }
  | { kind: "error"; words: string; first: string; rest: string[] }
  | { kind: "other"; words: string; horizonMessage: string | null };

export interface SummaryView {
  id: string;
  type: BisectionType;
  title: string;
  uploaded: { iso: string; text: string };
  /** when the bisection ran (the log's `starts bisection` line), and where */
  ran: { iso: string; text: string; host: string | null } | null;
  outcome: OutcomeView;
  startTitle: string | null;
  finalTitle: string | null;
  startCommit: string;
  /** "culprit" / "fix" when a commit was found */
  found: { hash: string; word: FoundWord } | null;
  /** how the final title differs from the start's, and how much the judge made of it */
  titleChange: "different" | "related" | "no-place" | "same-place" | null;
  commitsTested: number;
  /** syzbot's own count of test rounds, where it differs from the commits tested */
  revisionsTested: number | null;
  seconds: { total: number | null; build: number | null; test: number | null };
  syzkallerCommit: string | null;
  compilers: string[];
  /** the tag to take away: a cause bisection's `Fixes:`, a fix bisection's `#syz fix:` */
  tag: { text: string; word: string; copy: string; doubt: boolean } | null;
  /** `To: ...\nCc: ...` for the copy button, "" when the log names none */
  recipients: string;
  hasCrash: boolean;
}

export interface FindingView {
  key: string;
  severity: string;
  mark: string;
  message: string;
  /** evidence lines folded into ranges */
  evidence: [number, number][];
}

export interface VerdictView {
  id: string;
  verdict: Verdict;
  /** n/a: the judge weighs only results that name a commit or candidates */
  judged: boolean;
  mark: string;
  /** "Likely wrong: chased a different crash" */
  heading: string;
  tone: Tone;
  confidence: number | null;
  chance: number | null;
  chanceTerms: { feature: string; oddsFactor: number }[];
  findings: FindingView[];
}

export interface TrustView {
  id: string;
  range: TrustedRangeDetail;
  untrusted: number;
  /** how many commits are left in the trusted range, in words */
  left: string;
  fix: boolean;
}

export interface FactsView {
  id: string;
  startCommit: string;
  goodCommit: string | null;
  syzkallerCommit: string | null;
  host: string | null;
  compilers: string[];
  revisionsTested: number;
  /** commits in the timeline, when that is not `revisionsTested` (syzbot's count leaves out
   *  commits it could not build or test) */
  commitsInTimeline: number | null;
  /** the range git started with */
  initialLeft: number | null;
  seconds: { total: number | null; build: number | null; test: number | null };
  culpritSignature: string | null;
  parentSignature: string | null;
  /** culprit and parent built the same kernel */
  sameBuild: boolean;
  errorProbability: number | null;
  flakyText: string | null;
  kernels: { index: number; signature: string; sameAs: number | null }[];
  builtIdentically: number;
  /** "15 kernels, 3 built identically to an earlier one"; older logs print no signatures */
  kernelsWords: string;
  recipients: { to: string[]; cc: string[] };
  warnings: { line: number; message: string }[];
  headTruncated: boolean;
  truncated: boolean;
  lineCount: number;
}

export interface BisectionPage {
  id: string;
  meta: { title: string; description: string };
  summary: SummaryView;
  verdict: VerdictView;
  marks: { id: string; marks: MarkView[]; foundHash: string | null };
  timeline: TimelineView;
  trust: TrustView | null;
  culprit: CulpritView | null;
  crash: CrashView | null;
  facts: FactsView;
  /** the crash titles other bisections of the same crash are looked up by */
  relatedTitles: string[];
  /** what kept the reproducer from running: setup failures with their commits */
  blocking: BlockingCrash[];
  /** commits that could not be built, by error */
  builds: BuildFailure[];
}

/** The page's heading: the final crash title, else the start's. */
export function headTitle(final: string | null | undefined, start: string | null | undefined): string {
  return final ?? start ?? "(no crash title)";
}

/** Compilers the steps were built with, each once, in test order. */
export function distinctCompilers(steps: Pick<PageStep, "compiler" | "compilerType">[]): string[] {
  return unique(steps.map((s) => s.compiler ?? s.compilerType).filter((c): c is string => !!c));
}

/** Each candidate with the subject the log printed where it was tested. */
export function candidateList(hashes: string[], steps: Pick<PageStep, "commitHash" | "subject">[]): { hash: string; subject: string | null }[] {
  const subjects = new Map<string, string | null>();
  for (const s of steps) if (!subjects.has(s.commitHash)) subjects.set(s.commitHash, s.subject);
  return hashes.map((hash) => ({ hash, subject: subjects.get(hash) ?? null }));
}

function outcomeView(b: BisectionDetail, candidates: { hash: string; subject: string | null }[]): OutcomeView {
  const words = capitalised(outcomeWords(b.type, b.outcome));
  const found = b.foundCommit;
  if (b.outcome === "found" && found) {
    return { kind: "found", words, hash: found.hash, subject: found.subject, byline: [found.author, formatDay(found.date)].filter(Boolean).join(", ") };
  }
  if (b.outcome === "inconclusive") return { kind: "inconclusive", words, candidates };
  if (b.outcome === "error") {
    const [first = "", ...rest] = (b.error ?? "").split("\n");
    return { kind: "error", words, first, rest };
  }
  return { kind: "other", words, horizonMessage: b.outcome === "horizon" ? b.horizonMessage : null };
}

/** How a final title that differs from the start's reads, given the judge's title-drift finding. */
function titleChange(startTitle: string | null, finalTitle: string | null, drift: string | null): SummaryView["titleChange"] {
  if (!startTitle || !finalTitle || startTitle === finalTitle) return null;
  if (drift === "high" || drift === "medium") return "different";
  if (drift === "low") return "related";
  return specific(titleKey(startTitle)) ? "same-place" : "no-place";
}

const WARN = "bisection looks wrong: check before using";

function tagOf(b: BisectionDetail): SummaryView["tag"] {
  const f = b.foundCommit;
  if (!f) return null;
  const doubt = b.verdict === "likely-wrong" || b.verdict === "doubtful";
  // a cause bisection's culprit goes into a `Fixes:` tag; a fix bisection's commit closes the
  // bug on syzbot with its `#syz fix:` command instead
  const text = b.type === "fix" ? syzFixCommand(f.subject) : fixesTag(f.hash, f.subject);
  return { text, word: BISECTION_TYPE[b.type].tag, doubt, copy: doubt ? `# Bisectview: ${WARN} (${b.verdict}: ${b.verdictHeadline ?? ""})\n${text}` : text };
}

export const TAG_WARNING = WARN;

function verdictView(b: BisectionDetail): VerdictView {
  const look = VERDICT[b.verdict];
  const label = capitalised(look.label);
  return {
    id: b.id,
    verdict: b.verdict,
    judged: b.verdict !== "n/a",
    mark: look.mark,
    heading: b.verdict !== "clean" && b.verdictHeadline ? `${label}: ${b.verdictHeadline}` : label,
    tone: look.tone,
    confidence: b.confidence,
    chance: b.chanceWrong,
    chanceTerms: b.judgeDetail?.chanceTerms ?? [],
    findings: b.findings.map((f, i) => ({ key: `${f.rule}-${i}`, severity: f.severity, mark: SEVERITY[f.severity].mark, message: f.message, evidence: lineRanges(f.lines) })),
  };
}

/** The words after "with" in the trusted range's sentence: git's own list where every verdict is
 *  trusted, else an estimate (lib/analysis/range.ts). */
export function trustLeftWords(range: Pick<TrustedRangeDetail, "candidates" | "stepsLeft" | "allTrusted">, outcome: string): string {
  const n = range.candidates;
  const steps = range.stepsLeft;
  const left =
    n === null
      ? "an unknown number of commits left in it"
      : n === 1
        ? "one commit left in it: the range is pinned"
        : range.allTrusted && outcome === "inconclusive"
          ? `${n.toLocaleString("en-US")} commits left in it, the ones git lists at the end (only commits it had skipped were left to test)`
          : `about ${n.toLocaleString("en-US")} commits left in it${steps === null ? "" : ` (~${steps} more step${steps === 1 ? "" : "s"})`}`;
  return left;
}

function trustView(b: BisectionDetail): TrustView | null {
  const range = b.judgeDetail?.trust;
  if (!range || b.verdict === "n/a") return null;
  const left = trustLeftWords(range, b.outcome);
  return { id: b.id, range, untrusted: range.steps.filter((s) => !s.trusted).length, left, fix: b.type === "fix" };
}

function factsView(b: BisectionDetail, compilers: string[], recipients: { to: string[]; cc: string[] }, sameBinary: Map<number, number>): FactsView {
  const kernels = b.steps.flatMap((s) => (s.kernelSignature ? [{ index: s.index, signature: s.kernelSignature.slice(0, 16), sameAs: sameBinary.get(s.index) ?? null }] : []));
  return {
    id: b.id,
    startCommit: b.startCommitHash,
    goodCommit: b.bisectStartGood,
    syzkallerCommit: b.syzkallerCommit,
    host: b.host,
    compilers,
    revisionsTested: b.revisionsTested ?? b.steps.length,
    commitsInTimeline: b.revisionsTested !== null && b.revisionsTested !== b.steps.length ? b.steps.length : null,
    initialLeft: b.bisectStartLeft,
    seconds: { total: b.totalSeconds, build: b.buildSeconds, test: b.testSeconds },
    culpritSignature: b.culpritSignature,
    parentSignature: b.parentSignature,
    sameBuild: !!b.culpritSignature && b.culpritSignature === b.parentSignature,
    errorProbability: b.errorProbability,
    flakyText: b.flakyText,
    kernels,
    builtIdentically: sameBinary.size,
    kernelsWords: kernels.length
      ? `${kernels.length} kernel${kernels.length === 1 ? "" : "s"}, ${sameBinary.size} built identically to an earlier one`
      : "not in this log (it has no `kernel signature:` lines)",
    recipients,
    warnings: b.warnings,
    headTruncated: b.headTruncated,
    truncated: b.truncated,
    lineCount: b.lineCount,
  };
}

function metaOf(b: BisectionDetail, title: string): BisectionPage["meta"] {
  const f = b.foundCommit;
  const head = f ? `${foundWord(b.type)} ${shortHash(f.hash)}: ${title}` : `${b.type} bisection: ${title}`;
  const verdict = b.verdict !== "n/a" && b.verdictHeadline ? ` Judge: ${b.verdict}, ${b.verdictHeadline}.` : "";
  const description = `${b.type} bisection of “${title}”: ${outcomeWords(b.type, b.outcome)}${f ? ` ${shortHash(f.hash)} (“${f.subject}”)` : ""}; ${b.revisionsTested ?? b.stepCount} commits tested.${verdict}`;
  return { title: head, description };
}

export function bisectionPage(b: BisectionDetail): BisectionPage {
  const finalTitle = b.crashSignature?.title ?? null;
  const startTitle = b.startSignature?.title ?? null;
  const title = headTitle(finalTitle, startTitle);
  const compilers = distinctCompilers(b.steps);
  const recipients = { to: unique(b.recipientsTo), cc: unique(b.recipientsCc) };
  const candidates = candidateList(b.candidates, b.steps);
  const sameBinary = sameBinaryAs(b.steps);
  const found = b.foundCommit;
  const drift = b.findings.find((f) => f.rule === "title-drift")?.severity ?? null;
  return {
    id: b.id,
    meta: metaOf(b, title),
    summary: {
      id: b.id,
      type: b.type,
      title,
      uploaded: { iso: b.uploadedAt.toISOString(), text: formatDate(b.uploadedAt) },
      ran: b.startedAt ? { iso: b.startedAt.toISOString(), text: formatDate(b.startedAt), host: b.host } : null,
      outcome: outcomeView(b, candidates),
      startTitle,
      finalTitle,
      startCommit: b.startCommitHash,
      found: found ? { hash: found.hash, word: foundWord(b.type) } : null,
      titleChange: titleChange(startTitle, finalTitle, drift),
      commitsTested: b.stepCount,
      revisionsTested: b.revisionsTested !== null && b.revisionsTested !== b.stepCount ? b.revisionsTested : null,
      seconds: { total: b.totalSeconds, build: b.buildSeconds, test: b.testSeconds },
      syzkallerCommit: b.syzkallerCommit,
      compilers,
      tag: tagOf(b),
      recipients: [recipients.to.length ? `To: ${recipients.to.join(", ")}` : "", recipients.cc.length ? `Cc: ${recipients.cc.join(", ")}` : ""].filter(Boolean).join("\n"),
      hasCrash: !!b.crash,
    },
    verdict: verdictView(b),
    marks: { id: b.id, marks: b.marks.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })), foundHash: found?.hash ?? null },
    timeline: timelineView(b.type, b.steps, { startTitle, finalTitle, foundHash: found?.hash ?? null, candidates: b.candidates, sameBinary }),
    trust: trustView(b),
    culprit: found ? culpritView(b.id, found, b.type) : null,
    crash: crashView(b),
    facts: factsView(b, compilers, recipients, sameBinary),
    relatedTitles: unique([finalTitle, startTitle].filter((t): t is string => !!t)),
    blocking: blockingCrashes(b.steps),
    builds: buildFailures(b.steps),
  };
}
