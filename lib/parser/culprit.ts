// The found commit (§3.1): git's `<sha> is the first bad commit` block, in both shapes:
// header + message + diffstat + `create mode` summary (git >= 2.22), or header + message + raw
// `:100644 100644 <sha> <sha> M\tpath` lines (git < 2.22). Message lines are indented by four
// spaces, so a quoted crash report (`Call trace:` ...) in a message stays in the commit.
import { lowerBound } from "@/lib/unique";
import { isBlank } from "./frames";
import { GIT_DATE, P } from "./patterns";
import type { Rule } from "./rule";
import type { State } from "./state";
import type { ChangedFile, FoundCommit, LineKind } from "./types";

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

/** `Mon Jan 11 15:37:07 2021 +0000` -> `2021-01-11T15:37:07.000Z`; null if unreadable. */
export function gitDateToIso(date: string): string | null {
  const m = GIT_DATE.exec(date);
  if (!m) return null;
  const month = MONTHS.indexOf(m[1]) / 3;
  if (month < 0 || month % 1 !== 0) return null;
  const offset = (m[7] === "-" ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
  const ms = Date.UTC(Number(m[6]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) - offset * 60_000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export function newFoundCommit(hash: string, line: number): FoundCommit {
  return {
    hash, subject: "", author: "", authorName: "", authorEmail: "", date: "", dateIso: null, message: "",
    mergeParents: [], files: [], filesChanged: null, insertions: null, deletions: null, line, endLine: line,
  };
}

export const culpritRules: Rule[] = [
  {
    pat: P.firstBadBlock,
    marker: true,
    apply(st, m, line) {
      if (st.mode === "commit") finishCommit(st);
      st.step = null;
      st.commit = newFoundCommit(m[1], line);
      st.files = newFileIndex();
      st.commitPart = "head";
      st.messageLines = [];
      st.mode = "commit";
    },
  },
];

function file(path: string, line: number): ChangedFile {
  return { path, created: false, deleted: false, changes: null, insertions: null, deletions: null, line };
}

/** The found commit's files by path, and its shortened `.../tail` stats by their tail, so a
 *  `create mode` line finds its file without scanning every file (one commit may list tens of
 *  thousands). A path listed once (nearly all) maps to its index, one listed again to a list. */
export interface FileIndex {
  exact: Map<string, number | number[]>;
  /** shortened stats by `tailKey` of their `/tail` (entries of one key: a hash collision) */
  shortened: Map<number, Shortened[]>;
  /** the longest `/tail` in `shortened` */
  longestTail: number;
  /** after the file the last `create mode` line matched: git lists the summary in diffstat order */
  cursor: number;
}

interface Shortened {
  /** `/tail`: what the stat `.../tail` keeps of the path */
  tail: string;
  /** the files with this stat, ascending */
  files: number[];
  /** per position of `files`, itself while the file still has this stat, else a later position
   *  (a file whose full path a `create mode` line gave: a union-find with path halving, so
   *  skipping resolved files costs nearly nothing however many there are) */
  alive: number[];
}

/** The first position of `e.files` from `j` on whose file still has the stat, or files.length. */
function aliveFrom(e: Shortened, j: number): number {
  const a = e.alive;
  while (j < a.length && a[j] !== j) {
    a[j] = a[a[j]] ?? a.length;
    j = a[j];
  }
  return j;
}

/** The file of `e` nearest from `from` on, cyclically, or -1 when none has the stat any more. */
function nextShortened(e: Shortened, from: number): number {
  let j = aliveFrom(e, lowerBound(e.files, from));
  if (j >= e.files.length) j = aliveFrom(e, 0);
  return j < e.files.length ? e.files[j] : -1;
}

export function newFileIndex(): FileIndex {
  return { exact: new Map(), shortened: new Map(), longestTail: 0, cursor: 0 };
}

// A tail's key: two 32-bit FNV-1a-style hashes of its characters read from the end, as one
// 53-bit number. Read from the end, the keys of every `/...` ending of a path come out of one
// backward pass over it, so a lookup costs the path's length, not its length times its depth.
const SEED1 = 0x811c9dc5;
const SEED2 = 0x2545f491;
const step1 = (h: number, c: number) => Math.imul(h ^ c, 0x01000193) >>> 0;
const step2 = (h: number, c: number) => Math.imul(h ^ c, 0x5bd1e995) >>> 0;
const keyOf = (h1: number, h2: number) => h1 * 0x200000 + (h2 >>> 11);

function tailKey(tail: string): number {
  let h1 = SEED1;
  let h2 = SEED2;
  for (let i = tail.length - 1; i >= 0; i--) {
    const c = tail.charCodeAt(i);
    h1 = step1(h1, c);
    h2 = step2(h2, c);
  }
  return keyOf(h1, h2);
}

function addFile(c: FoundCommit, ix: FileIndex, f: ChangedFile): void {
  const i = c.files.length;
  c.files.push(f);
  const seen = ix.exact.get(f.path);
  if (seen === undefined) ix.exact.set(f.path, i);
  else if (typeof seen === "number") ix.exact.set(f.path, [seen, i]);
  else seen.push(i);
  if (f.path.startsWith(".../")) {
    const tail = f.path.slice(3);
    const key = tailKey(tail);
    const entries = ix.shortened.get(key);
    const entry = entries?.find((e) => e.tail === tail);
    if (entry) {
      entry.alive.push(entry.files.length);
      entry.files.push(i);
    } else if (entries) entries.push({ tail, files: [i], alive: [0] });
    else ix.shortened.set(key, [{ tail, files: [i], alive: [0] }]);
    ix.longestTail = Math.max(ix.longestTail, tail.length);
  }
}

function samePath(stat: string, path: string): boolean {
  // diffstat paths are exact, or shortened to `.../tail` when long
  return stat === path || (stat.startsWith(".../") && path.endsWith(stat.slice(3)));
}

/** The first of `list` (ascending) from `from` on, else its first: the next one cyclically. */
function nextFrom(list: number[], from: number): number {
  const i = lowerBound(list, from);
  return i < list.length ? list[i] : list[0];
}

/** File `i`, shortened to `stat`, is `path`: out of its tail's entry, into the exact index. */
function resolveShortened(ix: FileIndex, stat: string, i: number, path: string): void {
  const tail = stat.slice(3);
  const e = ix.shortened.get(tailKey(tail))?.find((x) => x.tail === tail);
  if (e) {
    const j = lowerBound(e.files, i);
    if (e.files[j] === i) e.alive[j] = j + 1;
  }
  const seen = ix.exact.get(path);
  if (seen === undefined) ix.exact.set(path, i);
  else {
    // kept ascending, as nextFrom reads it
    const list = typeof seen === "number" ? [seen] : seen;
    list.splice(lowerBound(list, i), 0, i);
    ix.exact.set(path, list);
  }
}

/** The shortened stats whose `/tail` ends `path` by key: one backward pass over the path's last
 *  `longestTail` characters, a lookup at each `/`. */
function shortenedCandidates(ix: FileIndex, path: string): Shortened[] {
  const out: Shortened[] = [];
  let h1 = SEED1;
  let h2 = SEED2;
  const stop = Math.max(0, path.length - ix.longestTail);
  for (let i = path.length - 1; i >= stop; i--) {
    const c = path.charCodeAt(i);
    h1 = step1(h1, c);
    h2 = step2(h2, c);
    if (c !== 47 /* / */) continue;
    const entries = ix.shortened.get(keyOf(h1, h2));
    if (entries) for (const e of entries) if (e.tail.length === path.length - i) out.push(e);
  }
  return out;
}

/** The first file from the cursor on, cyclically, whose stat path names `path` (-1: none): the
 *  exact matches and the shortened stats that end like it are the only candidates. */
function findFile(c: FoundCommit, ix: FileIndex, path: string): number {
  const files = c.files;
  const n = files.length;
  if (n === 0) return -1;
  const from = ix.cursor % n;
  // the summary follows the diffstat's order: the next file is nearly always the one
  if (samePath(files[from].path, path)) {
    ix.cursor = from + 1;
    return from;
  }
  const exact = ix.exact.get(path);
  let best = exact === undefined ? -1 : typeof exact === "number" ? exact : nextFrom(exact, from);
  if (ix.shortened.size > 0) best = nearestShortened(c, ix, path, from, best);
  if (best >= 0) ix.cursor = best + 1;
  return best;
}

/** Distance of file `i` from the cursor `from`, cyclically over `n` files. */
const cyclic = (i: number, from: number, n: number) => (i - from + n) % n;

/** `best`, or a nearer shortened stat that names `path`: the nearest candidate first, and only
 *  the one taken is compared in full (a key can collide). Apart from findFile, which runs on
 *  every summary line, so that its common path creates no closures. */
function nearestShortened(c: FoundCommit, ix: FileIndex, path: string, from: number, best: number): number {
  const files = c.files;
  const n = files.length;
  const entries = shortenedCandidates(ix, path);
  if (entries.length === 0) return best;
  const candidates = entries
    .map((e) => nextShortened(e, from))
    .filter((i) => i >= 0);
  candidates.sort((a, b) => cyclic(a, from, n) - cyclic(b, from, n));
  for (const i of candidates) {
    if (best >= 0 && cyclic(best, from, n) <= cyclic(i, from, n)) break;
    if (samePath(files[i].path, path)) return i;
  }
  return best;
}

function markFile(c: FoundCommit, ix: FileIndex, path: string, kind: string, line: number): void {
  const i = findFile(c, ix, path);
  let f: ChangedFile;
  if (i < 0) {
    // a file the diffstat did not list (cut, or none printed): git names each path once in its
    // summary, so no later line looks it up and it stays out of the index
    c.files.push((f = file(path, line)));
  } else {
    f = c.files[i];
    // the summary spells out what the diffstat shortened to `.../tail`: from now on the file is
    // found by that path, no longer by its tail
    if (f.path.startsWith(".../") && !path.startsWith(".../")) {
      resolveShortened(ix, f.path, i, path);
      f.path = path;
    }
  }
  if (kind === "create") f.created = true;
  else f.deleted = true;
}

/** ` create mode 100644 path` / ` delete mode ...`: [kind, path] by P.createDelete, tried only
 *  on lines that start like one (lib/parser/culprit.test.ts checks it against the regex alone). */
export function createDelete(t: string): ["create" | "delete", string] | null {
  if (!t.startsWith(" create mode ") && !t.startsWith(" delete mode ")) return null;
  const m = P.createDelete.re.exec(t);
  return m ? [m[1] as "create" | "delete", m[2]] : null;
}

function statLine(c: FoundCommit, ix: FileIndex, text: string, line: number): LineKind | null {
  const t = text.length > 4096 ? text.slice(0, 4096) : text;
  if (t.charCodeAt(0) === 58 /* : */) {
    const m = P.rawDiff.re.exec(t);
    if (!m) return null;
    // `:040000 040000 <tree> <tree> M\tnet`: without -r git names the directory, not its files:
    // kept as `net/`, a directory (the path filter still finds it)
    const tree = t.startsWith(":040000 040000 ");
    const f = file(`${m[3] ?? m[2]}${tree ? "/" : ""}`, line);
    f.created = m[1] === "A";
    f.deleted = m[1] === "D";
    addFile(c, ix, f);
    return "rawDiff";
  }
  if (t.charCodeAt(0) !== 32) return null;
  let m: RegExpExecArray | null;
  if (t.includes("|") && (m = P.diffstat.re.exec(t))) {
    const f = file(m[1].trim(), line);
    if (m[2] !== undefined) {
      f.changes = Number(m[2]);
      const signs = m[3] ?? "";
      let plus = 0;
      for (let i = 0; i < signs.length; i++) if (signs.charCodeAt(i) === 43) plus++;
      // the +/- bar is scaled for large changes; exact counts only when it is not
      if (signs.length === f.changes) {
        f.insertions = plus;
        f.deletions = signs.length - plus;
      }
    }
    addFile(c, ix, f);
    return "diffstat";
  }
  // ` 4 files changed, ...`: a digit after the space, or no summary line
  const d = t.charCodeAt(1);
  if (d >= 48 && d <= 57 && (m = P.diffSummary.re.exec(t))) {
    c.filesChanged = Number(m[1]);
    c.insertions = m[2] !== undefined ? Number(m[2]) : 0;
    c.deletions = m[3] !== undefined ? Number(m[3]) : 0;
    return "diffSummary";
  }
  const cd = createDelete(t);
  if (cd !== null) {
    markFile(c, ix, cd[1], cd[0], line);
    return "createDelete";
  }
  return P.otherSummary.re.test(t) ? "otherSummary" : null;
}

/** A line while the commit block is open: its kind, or null when the block has ended. */
export function commitLine(st: State, text: string, line: number): LineKind | null {
  const c = st.commit;
  if (!c) return null;
  const empty = isBlank(text);
  let kind: LineKind | null = "commit message";
  if (st.commitPart === "head") {
    let m: RegExpExecArray | null;
    if (empty) {
      st.commitPart = "message";
      kind = "blank";
    } else if ((m = P.commitHash.re.exec(text))) kind = "commitHash"; // repeats the hash
    else if ((m = P.commitMerge.re.exec(text))) {
      c.mergeParents = m[1].trim().split(" ");
      kind = "commitMerge";
    } else if ((m = P.commitAuthor.re.exec(text))) {
      c.authorName = m[1];
      c.authorEmail = m[2] ?? "";
      c.author = m[2] !== undefined ? `${m[1]} <${m[2]}>` : m[1];
      kind = "commitAuthor";
    } else if ((m = P.commitDate.re.exec(text))) {
      c.date = m[1];
      c.dateIso = gitDateToIso(m[1]);
      kind = "commitDate";
    } else if (text.startsWith(P.gitWarning.prefix)) kind = "gitWarning"; // git's stderr
    else if (text.startsWith("    ")) {
      st.commitPart = "message";
      st.messageLines.push(text.slice(4));
    } else if ((kind = statLine(c, st.files, text, line)) !== null) st.commitPart = "stat";
    else return null;
  } else if (text.startsWith("    ") || (empty && st.commitPart === "message")) {
    st.messageLines.push(text.startsWith("    ") ? text.slice(4) : "");
  } else if (empty || text.startsWith(P.gitWarning.prefix)) {
    kind = empty ? "blank" : "gitWarning"; // between message and stat, or git's stderr
  } else if ((kind = statLine(c, st.files, text, line)) !== null) st.commitPart = "stat";
  else return null;
  if (!empty) c.endLine = line;
  return kind;
}

export function finishCommit(st: State): void {
  const c = st.commit;
  if (!c || st.log.commit === c) return;
  const lines = st.messageLines;
  let i = 0;
  while (i < lines.length && isBlank(lines[i])) i++;
  if (c.subject === "") c.subject = (lines[i] ?? "").trim();
  i++;
  while (i < lines.length && isBlank(lines[i])) i++;
  let end = lines.length;
  while (end > i && isBlank(lines[end - 1])) end--;
  c.message = lines.slice(i, end).join("\n");
  st.log.commit = c;
  if (st.mode === "commit") st.mode = "top";
}
