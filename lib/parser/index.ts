// parseBisectionLog: one pass over the lines of a syzbot bisection log (bisect.txt). Each line
// is either a known record head (a rule of header.ts, test-block.ts, git-block.ts, culprit.ts,
// minimize.ts or result.ts, found by its first two characters) or continues the open multi-line
// record (state.ts `Mode`). `crash:` hands the rest of the log to crash.ts. Never throws.
import { isBlank, stripEnd } from "./frames";
import { parseCrash } from "./crash";
import { commitLine, culpritRules, finishCommit, newFoundCommit } from "./culprit";
import { gitRules } from "./git-block";
import { headerRules } from "./header";
import { minimizeRules } from "./minimize";
import { MAX_MATCH, P, type Pattern } from "./patterns";
import type { LineMatcher } from "./linear";
import { rejection } from "./reject";
import { resultRules } from "./result";
import { closeRecord, trimEndLines, type Rule } from "./rule";
import { newState, warnUnplaced, type State } from "./state";
import { continueTestBlock, testBlockRules } from "./test-block";
import type { LineKind, LineProbe, ParseResult } from "./types";

export type * from "./types";

const ALL_RULES: Rule[] = [...headerRules, ...testBlockRules, ...gitRules, ...culpritRules, ...minimizeRules, ...resultRules];

/** A rule as the dispatcher reads it: one object shape for all, the pattern's fields at hand. */
interface Entry {
  prefix: string;
  re: LineMatcher;
  apply: Rule["apply"];
  marker: boolean;
  /** the pattern's name in patterns.ts: the kind of line it reads */
  kind: LineKind;
}

const PATTERN_NAME = new Map<Pattern, string>(Object.entries(P).map(([name, pat]) => [pat, name]));

function entry(rule: Rule): Entry {
  return { prefix: rule.pat.prefix, re: rule.pat.re, apply: rule.apply, marker: rule.marker === true, kind: PATTERN_NAME.get(rule.pat) ?? "?" };
}

/** Rules by the first two (ASCII) chars of their prefix, in ALL_RULES order; a one-char prefix
 *  is listed under every second char (0: a non-ASCII one, or none). Rules without a prefix are
 *  tried last. */
const BY_CHARS: (Entry[] | undefined)[] = new Array(128 * 128).fill(undefined);
const ANY_CHAR: Entry[] = [];
for (const rule of ALL_RULES) {
  const e = entry(rule);
  if (e.prefix === "") ANY_CHAR.push(e);
  else {
    const c0 = e.prefix.charCodeAt(0);
    for (let c1 = 0; c1 < 128; c1++) {
      if (e.prefix.length === 1 || e.prefix.charCodeAt(1) === c1) (BY_CHARS[c0 * 128 + c1] ??= []).push(e);
    }
  }
}

function tryRules(st: State, rules: Entry[], text: string, line: number): LineKind | null {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (!text.startsWith(rule.prefix)) continue;
    const m = rule.re.exec(text);
    if (m === null) continue;
    if (rule.apply(st, m, line, text) === false) continue;
    if (rule.marker) st.markers++;
    st.sawHead = true;
    return rule.kind;
  }
  return null;
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102);
}

/** Records one line outside the crash report; says what kind of line it was. */
function logLine(st: State, raw: string, line: number, full: string): LineKind {
  if (st.mode === "error") {
    // the error text is kept as printed (only a CR at the end dropped)
    st.errorParts.push(full.charCodeAt(full.length - 1) === 13 ? full.slice(0, -1) : full);
    if (!isBlank(raw)) st.errorEnd = line;
    return "error text";
  }
  if (st.mode === "commit") {
    const kind = commitLine(st, raw, line);
    if (kind !== null) return kind;
    finishCommit(st);
  }
  const text = raw.length > MAX_MATCH ? raw.slice(0, MAX_MATCH) : raw;
  // no charCodeAt past the end (optimised code leaves its fast path for it): 128 = no bucket
  const c = text.length > 0 ? text.charCodeAt(0) : 128;
  const c1 = text.length > 1 ? text.charCodeAt(1) : 0;
  const rules = c < 128 ? BY_CHARS[c * 128 + (c1 < 128 ? c1 : 0)] : undefined;
  let kind = rules !== undefined ? tryRules(st, rules, text, line) : null;
  if (kind === null && (isHex(c) || text.includes(" starts bisection "))) kind = tryRules(st, ANY_CHAR, text, line);
  if (kind !== null) return kind;
  const mode = st.mode;
  if (continueTestBlock(st, raw, line)) return mode === "run" ? "run continued" : mode === "build" ? "build error continued" : "bare build error";
  if (isBlank(text)) return "blank";
  if (st.mode === "text") return "free text";
  if (st.mode === "git" && st.bisecting) {
    // maybe the bare error printed before `failed building <sha>:` (§2.9); warned if not
    st.stray.push({ line, text: raw });
    return "unplaced";
  }
  if (!st.sawHead && line < 50) return "unplaced"; // the tail of a record whose head was cut off
  warnUnplaced(st, line, text);
  return "unplaced";
}

function finish(st: State): void {
  const log = st.log;
  // a log cut inside the found commit's block still names the commit (closeRecord leaves the mode)
  const inCommit = st.mode === "commit";
  closeRecord(st);
  st.step = null;
  if (inCommit) {
    st.mode = "commit";
    finishCommit(st);
  }
  if (st.errorParts.length > 0) log.error = trimEndLines(st.errorParts.join("\n"));
  const fc = st.firstCommit;
  if (fc) {
    if (!log.commit) log.commit = newFoundCommit(fc.hash, fc.line);
    if (log.commit.subject === "" && log.commit.hash === fc.hash) log.commit.subject = fc.subject;
  }
  if (!st.sawHeader) {
    log.headTruncated = true;
    if (st.fixSignals > 0) log.type = "fix";
    log.startCommit = log.steps.length > 0 ? log.steps[0].commit : "";
  }
  if (log.error !== null) log.outcome = "error";
  else if (log.commit) {
    log.outcome = "found";
    // git named the commit, but syzbot's summary (`revisions tested`, `first bad commit:`) never came
    if (log.resultLine === null && log.revisionsTested === null) log.truncated = true;
  }
  else if (log.candidates.length > 0) log.outcome = "inconclusive";
  else if (st.horizon) log.outcome = "horizon";
  else {
    log.outcome = "incomplete";
    log.truncated = true;
  }
}

function parse(lines: string[], at: { line: number }, probe: LineProbe | null): ParseResult {
  const st = newState(lines.length);
  let firstSeen = false;
  for (let i = 0; i < lines.length; i++) {
    at.line = i + 1;
    const raw = stripEnd(lines[i]);
    if (!firstSeen && raw.length > 0) {
      // syzbot drops the head of oversized logs: then the first line is no header line
      firstSeen = true;
      const header = raw.startsWith("bisecting ") || raw.startsWith("searching for ") || P.host.re.test(raw.slice(0, MAX_MATCH));
      if (!header) st.log.headTruncated = true;
    }
    const kind = logLine(st, raw, i + 1, lines[i]);
    if (probe !== null) probe(kind);
    if (st.mode === "crash") {
      const title = P.crash.re.exec(raw.slice(0, MAX_MATCH))?.[1] ?? "";
      st.log.crash = parseCrash(lines, i + 1, title, i + 1, probe);
      break;
    }
  }
  if (!st.sawHeader && st.markers === 0) return { ok: false, ...rejection(lines) };
  if (st.badStart) {
    const { line, value } = st.badStart;
    return { ok: false, reason: `line ${line}: the start commit ${JSON.stringify(value.slice(0, 80))} is not a commit hash (7 to 40 hex digits)`, line };
  }
  finish(st);
  return { ok: true, log: st.log };
}

/** Parses a syzbot bisection log. Never throws: a text that is no bisection log is rejected.
 *  `probe` (benchmarks only) is called after each line with the kind of line it was. */
export function parseBisectionLog(text: string, probe: LineProbe | null = null): ParseResult {
  const at = { line: 0 };
  try {
    const lines = String(text).split("\n");
    // a final newline ends the last line; it does not start an empty one
    if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
    return parse(lines, at, probe);
  } catch {
    return { ok: false, reason: `internal parser error at line ${at.line}`, line: at.line || null };
  }
}
