// The trustworthy range: which of the log's own git verdicts the judge believes, the range those
// verdicts alone still support (last trusted good .. first trusted bad, in git's words), how many
// commits are left in it, and a `git bisect replay` script of the trusted steps, so a maintainer
// told "likely wrong" can continue by hand from what the log still proves.
//
// A crashed verdict is trusted when one of its runs crashed with the bug itself (a title naming
// the same place as a title of the start commit; bisections are started from the reproducer's
// crash at that commit). A verdict decided by other crashes — an unspecific title such as
// `lost connection to test machine`, another subsystem's crash, a title never seen at the start —
// says "something crashed", not "the bug is here". A crash of the same subsystem at another
// place (a related title, lib/analysis/titles.ts) is trusted: it is often the bug seen from
// elsewhere (`request_end` renamed `fuse_request_end`). A did-not-crash verdict is trusted when at
// least half of its runs ran clean (the rest lost to infrastructure or boot failures say nothing).
//
// Bounds: git tests only commits inside the current range, so every commit it tests is an
// ancestor of every bad commit before it and of none of the good ones: the last trusted bad in
// log order is the tightest trusted bad bound, and the last trusted good the highest good.
//
// Range sizes: git prints `Bisecting: N revisions left to test after this` after every verdict,
// where N is about half the commits still in question (git picks the commit that halves them;
// N counts those left if it turns out good): the range after each verdict holds about 2N + 2.
// Laying the commits on a line with those sizes (a bad verdict moves the bad end to the good
// end plus the new size, a good one the good end to the bad end minus it) keeps every tested
// commit inside the range it was tested in, so the trusted bounds never cross, however merges
// skew the counts; the commits between them are an estimate. (Positions taken instead as the
// bad end minus N collapsed on merge-heavy history: 6113, 3686, 2267, 810 revisions left is no
// halving, and later trusted bads fell outside, the range read "pinned" with five commits in it.)
import { shortHash } from "@/lib/format";
import { unique } from "@/lib/unique";
import type { BisectionLog, Step } from "@/lib/parser/types";
import { countRuns, crashTitles, stepCrashed } from "./steps";
import { specific, titleKey, type TitleKey } from "./titles";
import { bugIndex, isBug, offTargetKind, type BugIndex, type OffTargetKind } from "./off-target-kind";

export interface StepTrust {
  index: number;
  commit: string;
  /** git's word as logged */
  verdict: "good" | "bad";
  crashed: boolean;
  trusted: boolean;
  /** why a verdict is not trusted (null when it is) */
  why: string | null;
  /** off-target kind of an untrusted crashed verdict */
  offTarget: OffTargetKind | null;
  /** estimated position on the line of commits (0 = the initial good commit); null when unknown */
  position: number | null;
  line: number;
}

export interface TrustedRange {
  /** the crash titles taken as the bug (the start commit's specific titles) */
  reference: string[];
  /** git steps in log order (skips left out) */
  steps: StepTrust[];
  /** git's good and bad bounds the trusted verdicts support (hashes) */
  good: string;
  bad: string;
  goodLine: number | null;
  badLine: number | null;
  /** commits that could still be the first bad one (the bad bound included); null when unknown.
   *  Every verdict trusted: 1 for a found result, the log's own list for an inconclusive one. */
  candidates: number | null;
  /** steps git would still need (ceil(log2(candidates))); null when unknown, and where git had
   *  only skipped commits left (every verdict trusted, an inconclusive result) */
  stepsLeft: number | null;
  /** every step is trusted */
  allTrusted: boolean;
  /** the trusted range pins one commit and it is the log's result */
  reproduces: boolean;
  /** `git bisect replay` script */
  script: string;
  /** what to try next, one sentence */
  hint: string;
}

function trustStep(log: BisectionLog, s: Step, reference: BugIndex): Pick<StepTrust, "trusted" | "why" | "offTarget" | "crashed"> {
  const crashed = stepCrashed(log.type, s) === true;
  const c = countRuns(s);
  if (!crashed) {
    if (s.untested) return { crashed, trusted: false, why: "not tested", offTarget: null };
    if (c.total > 0 && c.ok * 2 < c.total) return { crashed, trusted: false, why: `only ${c.ok} of ${c.total} runs ran clean`, offTarget: null };
    return { crashed, trusted: true, why: null, offTarget: null };
  }
  if (reference.keys.length === 0) return { crashed, trusted: true, why: null, offTarget: null };
  const titles = crashTitles(s).map((t) => t.key);
  if (titles.some((t) => isBug(reference, t))) return { crashed, trusted: true, why: null, offTarget: null };
  const kind = offTargetKind(titles, reference);
  // a crash of the same subsystem at another place is often the bug seen from elsewhere
  // (`fuse_request_end` / `request_end`): trusted, but marked
  if (kind === "unseen") return { crashed, trusted: true, why: null, offTarget: kind };
  const names = unique(titles.map((t) => t.title)).slice(0, 3).join("”, “");
  return { crashed, trusted: false, why: names ? `crashed only with “${names}”` : "no crash of the bug was recorded", offTarget: kind };
}

export function trustedRange(log: BisectionLog): TrustedRange | null {
  const start = log.bisectStart;
  if (!start || log.steps.length === 0) return null;
  const startStep = log.steps.find((s) => s.role === "start") ?? null;
  const keys = startStep ? crashTitles(startStep).map((t) => t.key).filter(specific) : [];
  // when the start gave no specific title (head cut, unspecific), the final report is the bug
  if (keys.length === 0 && log.crash && log.type === "cause") {
    const k = titleKey(log.crash.title);
    if (specific(k)) keys.push(k);
  }
  const reference = bugIndex(keys);
  const git = log.steps.filter((s) => s.line > start.line && (s.verdict === "good" || s.verdict === "bad"));
  // positions on a line: good end 0, bad end `hi` (2N + 2 after `git bisect start`)
  const size0 = start.revisionsLeft === null ? null : 2 * start.revisionsLeft + 2;
  let lo = 0;
  let hi = size0;
  const steps: StepTrust[] = [];
  git.forEach((s, k) => {
    let pos: number | null = null;
    if (hi !== null) {
      const after = sizeAfter(s.revisionsLeft, hi - lo, k === git.length - 1);
      if (s.verdict === "bad") pos = hi = lo + after;
      else pos = lo = hi - after;
    }
    steps.push({ index: s.index, commit: s.commit, verdict: s.verdict as "good" | "bad", ...trustStep(log, s, reference), position: pos, line: s.verdictLine ?? s.line });
  });
  // the last trusted good and bad in log order: the highest good, the lowest bad
  let good = start.good, bad = start.bad;
  let goodLine: number | null = start.line, badLine: number | null = start.line;
  let loT = 0;
  let hiT = size0;
  for (const s of steps) {
    if (!s.trusted) continue;
    if (s.verdict === "good") {
      good = s.commit;
      goodLine = s.line;
      if (s.position !== null) loT = s.position;
    } else {
      bad = s.commit;
      badLine = s.line;
      if (s.position !== null) hiT = s.position;
    }
  }
  const allTrusted = steps.every((s) => s.trusted);
  let candidates = hiT === null ? null : Math.max(1, hiT - loT);
  // every verdict trusted: git's own result, one commit or the list it could not narrow
  if (allTrusted && log.outcome === "found") candidates = 1;
  if (allTrusted && log.outcome === "inconclusive" && log.candidates.length > 0) candidates = log.candidates.length;
  const found = log.commit?.hash ?? null;
  // all trusted: the script is the log's own sequence of verdicts, so git ends where syzbot did
  const reproduces = found !== null && (allTrusted ? log.outcome === "found" : candidates === 1 && bad === found);
  return {
    reference: unique(reference.keys.map((r) => r.title)),
    steps,
    good,
    bad,
    goodLine,
    badLine,
    candidates,
    stepsLeft: candidates === null || (allTrusted && log.outcome === "inconclusive") ? null : Math.ceil(Math.log2(Math.max(1, candidates))),
    allTrusted,
    reproduces,
    script: replayScript(start, steps, log.steps.filter((s) => s.line > start.line && s.verdict === "skip")),
    hint: hintFor(log, found, allTrusted),
  };
}

/** The range's size after a verdict: about 2N + 2 from git's `N revisions left` after it, at
 *  least one commit and fewer than before; one after the last verdict (git named the first bad
 *  commit, or stopped); half when git printed no count. */
function sizeAfter(left: number | null, size: number, last: boolean): number {
  const want = left !== null ? 2 * left + 2 : last ? 1 : Math.floor(size / 2);
  return Math.max(1, Math.min(want, size - 1));
}

/** `git bisect replay` input (`git bisect log` format): the start line and the trusted verdicts in log order; skips are
 *  kept (they assert nothing), untrusted verdicts stay as comments: a line saying why, then the command. */
export function replayScript(start: { bad: string; good: string }, steps: StepTrust[], skips: Step[] = []): string {
  const rows: { line: number; text: string }[] = steps.map((s) => ({
    line: s.line,
    // an untrusted verdict: the reason on a line of its own, then the command commented out, so
    // a narrow screen shows the command without scrolling past the reason
    text: s.trusted ? `git bisect ${s.verdict} ${s.commit}` : `# not trusted: ${s.why}\n# git bisect ${s.verdict} ${s.commit}`,
  }));
  for (const s of skips) rows.push({ line: s.verdictLine ?? s.line, text: `git bisect skip ${s.commit}` });
  rows.sort((a, b) => a.line - b.line);
  // single quotes as `git bisect log` writes them: `git bisect replay` reads the start line's
  // revisions with sq_dequote and drops unquoted ones (checked against git 2.39)
  return [`git bisect start '${start.bad}' '${start.good}'`, ...rows.map((r) => r.text)].join("\n") + "\n";
}

/** How to go on by hand. `interfaceHeaders`: the user-space API headers of a culprit the judge
 *  found to have let the reproducer in (new-interface); a revert would take them away too, so
 *  the hint says what to check instead of advising one. */
export function hintFor(log: BisectionLog, found: string | null, allTrusted: boolean, interfaceHeaders: readonly string[] = []): string {
  const from = allTrusted
    ? "Every verdict is trusted: `git bisect replay` of this script ends on the log's result."
    : "Replay the trusted verdicts with `git bisect replay`, then test the commits git offers with the reproducer, counting only crashes of the bug.";
  if (!found) return from;
  const f = shortHash(found);
  if (log.type === "fix") return `${from} To confirm the fix, apply ${f} alone on the start commit ${shortHash(log.startCommit)} and check that the reproducer stops crashing.`;
  if (interfaceHeaders.length > 0) {
    const what = interfaceHeaders.length === 1 ? interfaceHeaders[0] : `${interfaceHeaders.length} user-space API headers`;
    return `${from} A revert of ${f} proves little here: it takes away what it added to ${what}, so a reproducer that calls it stops crashing however old the bug is. Check first whether the reproducer uses what ${f} added; if it does, look for the bug in the code that crashes, before ${f}.`;
  }
  return `${from} To confirm the culprit, revert ${f} on the start commit ${shortHash(log.startCommit)} and check that the reproducer stops crashing.`;
}
