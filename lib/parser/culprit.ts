// The found commit (§3.1): git's `<sha> is the first bad commit` block, in both shapes:
// header + message + diffstat + `create mode` summary (git >= 2.22), or header + message + raw
// `:100644 100644 <sha> <sha> M\tpath` lines (git < 2.22). Message lines are indented by four
// spaces, so a quoted crash report (`Call trace:` ...) in a message stays in the commit.
import { createDeleteFast, diffstatFast } from "./fast";
import { isBlank } from "./frames";
import { GIT_DATE, P } from "./patterns";
import type { Rule } from "./rule";
import type { State } from "./state";
import type { ChangedFile, FoundCommit, LineKind } from "./types";

const RAWDIFF_RE = P.rawDiff.re;
const DIFFSTAT_RE = P.diffstat.re;
const DIFFSUMMARY_RE = P.diffSummary.re;
const CREATEDELETE_RE = P.createDelete.re;
const OTHERSUMMARY_RE = P.otherSummary.re;
const COMMITHASH_RE = P.commitHash.re;
const COMMITMERGE_RE = P.commitMerge.re;
const COMMITAUTHOR_RE = P.commitAuthor.re;
const COMMITDATE_RE = P.commitDate.re;
const GITWARNING_RE = P.gitWarning.re;

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
      st.commitPart = "head";
      st.messageLines = [];
      st.mode = "commit";
    },
  },
];

function file(path: string, line: number): ChangedFile {
  return { path, created: false, deleted: false, changes: null, insertions: null, deletions: null, line };
}

/** Where the last `create mode` line matched: git lists the summary in diffstat order. */
const cursor = new WeakMap<FoundCommit, number>();

/** Indexes of a commit's files by path, and of its shortened `.../tail` stats by last component,
 *  so a `create mode` line finds its file without scanning every file (one commit may list
 *  tens of thousands). */
interface FileIndex {
  exact: Map<string, number[]>;
  shortened: Map<string, number[]>;
}
const indexes = new WeakMap<FoundCommit, FileIndex>();

function lastPart(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function push(m: Map<string, number[]>, key: string, i: number): void {
  const list = m.get(key);
  if (list) list.push(i);
  else m.set(key, [i]);
}

function addFile(c: FoundCommit, f: ChangedFile): void {
  let ix = indexes.get(c);
  if (!ix) indexes.set(c, (ix = { exact: new Map(), shortened: new Map() }));
  const i = c.files.length;
  c.files.push(f);
  push(ix.exact, f.path, i);
  if (f.path.startsWith(".../")) push(ix.shortened, lastPart(f.path), i);
}

function samePath(stat: string, path: string): boolean {
  // diffstat paths are exact, or shortened to `.../tail` when long
  return stat === path || (stat.startsWith(".../") && path.endsWith(stat.slice(3)));
}

/** The first file from the cursor on, cyclically, whose stat path names `path`: the exact
 *  matches and the shortened stats that end like it are the only candidates. */
function findFile(c: FoundCommit, path: string): ChangedFile | undefined {
  const files = c.files;
  const ix = indexes.get(c);
  if (!ix || files.length === 0) return undefined;
  const from = (cursor.get(c) ?? 0) % files.length;
  const dist = (i: number) => (i - from + files.length) % files.length;
  let best = -1;
  const exact = ix.exact.get(path);
  if (exact) {
    let lo = 0;
    let hi = exact.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (exact[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    best = lo < exact.length ? exact[lo] : exact[0];
  }
  for (const i of ix.shortened.get(lastPart(path)) ?? []) {
    if ((best < 0 || dist(i) < dist(best)) && samePath(files[i].path, path)) best = i;
  }
  if (best < 0) return undefined;
  cursor.set(c, best + 1);
  return files[best];
}

function markFile(c: FoundCommit, path: string, kind: string, line: number): void {
  let f = findFile(c, path);
  if (!f) addFile(c, (f = file(path, line)));
  // the summary spells out what the diffstat shortened to `.../tail`
  else if (f.path.startsWith(".../") && !path.startsWith(".../")) f.path = path;
  if (kind === "create") f.created = true;
  else f.deleted = true;
}

function statLine(c: FoundCommit, text: string, line: number, plain: boolean): LineKind | null {
  const t = text.length > 4096 ? text.slice(0, 4096) : text;
  if (t.charCodeAt(0) === 58 /* : */) {
    const m = RAWDIFF_RE.exec(t);
    if (!m) return null;
    // `:040000 040000 <tree> <tree> M\tnet`: without -r git names the directory, not its files:
    // kept as `net/`, a directory (the path filter still finds it)
    const tree = t.startsWith(":040000 040000 ");
    const f = file(`${m[3] ?? m[2]}${tree ? "/" : ""}`, line);
    f.created = m[1] === "A";
    f.deleted = m[1] === "D";
    addFile(c, f);
    return "rawDiff";
  }
  if (t.charCodeAt(0) !== 32) return null;
  let m: RegExpExecArray | null;
  if (t.includes("|") && (m = diffstatFast(t) ?? DIFFSTAT_RE.exec(t))) {
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
    addFile(c, f);
    return "diffstat";
  }
  if ((m = DIFFSUMMARY_RE.exec(t))) {
    c.filesChanged = Number(m[1]);
    c.insertions = m[2] !== undefined ? Number(m[2]) : 0;
    c.deletions = m[3] !== undefined ? Number(m[3]) : 0;
    return "diffSummary";
  }
  if ((m = createDeleteFast(t, plain) ?? CREATEDELETE_RE.exec(t))) {
    markFile(c, m[2], m[1], line);
    return "createDelete";
  }
  return OTHERSUMMARY_RE.test(t) ? "otherSummary" : null;
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
    } else if ((m = COMMITHASH_RE.exec(text))) kind = "commitHash"; // repeats the hash
    else if ((m = COMMITMERGE_RE.exec(text))) {
      c.mergeParents = m[1].trim().split(" ");
      kind = "commitMerge";
    } else if ((m = COMMITAUTHOR_RE.exec(text))) {
      c.authorName = m[1];
      c.authorEmail = m[2] ?? "";
      c.author = m[2] !== undefined ? `${m[1]} <${m[2]}>` : m[1];
      kind = "commitAuthor";
    } else if ((m = COMMITDATE_RE.exec(text))) {
      c.date = m[1];
      c.dateIso = gitDateToIso(m[1]);
      kind = "commitDate";
    } else if (GITWARNING_RE.test(text)) kind = "gitWarning"; // git's stderr
    else if (text.startsWith("    ")) {
      st.commitPart = "message";
      st.messageLines.push(text.slice(4));
    } else if ((kind = statLine(c, text, line, st.plain)) !== null) st.commitPart = "stat";
    else return null;
  } else if (text.startsWith("    ") || (empty && st.commitPart === "message")) {
    st.messageLines.push(text.startsWith("    ") ? text.slice(4) : "");
  } else if (empty || GITWARNING_RE.test(text)) {
    kind = empty ? "blank" : "gitWarning"; // between message and stat, or git's stderr
  } else if ((kind = statLine(c, text, line, st.plain)) !== null) st.commitPart = "stat";
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
