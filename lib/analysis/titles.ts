// When are two crash titles "the same bug"?
//
// A syzbot title is `<kind> in <function>` (`KASAN: use-after-free Read in tipc_udp_nl_dump_remoteip`),
// or `<kind> at <file>:NUM!` for BUG_ON. The kind word varies for one bug: a refcount WARN is
// titled `WARNING: refcount bug in X` or `WARNING in X`, KASAN reports the same object as Read or
// Write, slab-out-of-bounds or use-after-free, a NULL dereference is titled `general protection
// fault in X` or `BUG: unable to handle kernel NULL pointer dereference in X`, and old UBSAN said
// `undefined-behaviour` where new UBSAN says `shift-out-of-bounds`. The *place* does not vary:
// the function after the last " in " is what syzbot itself uses to tell bugs apart.
// So: two titles are the same bug when their places are equal, whatever the kinds. Titles that
// name no place (`no output from test machine`, `lost connection`, `... in corrupted`) are
// "unspecific": they prove nothing either way and are left out of comparisons.
// A weaker relation, "related", holds when the two functions share a subsystem prefix of at
// least three characters (`j1939_tp_txtimer` / `j1939_session_deactivate`), when one name is the
// other with a prefix (`request_end` renamed `fuse_request_end`), or when both are hangs (a hang
// title names where a task waited, not where the bug is): the same code seen from elsewhere,
// which may or may not be the same bug. Likewise when the two places share a distinctive name
// component of four letters or more (`con_font_op` / `fbcon_get_font`, `io_commit_cqring` /
// `io_cqring_ev_posted`, `rxrpc_unbundle_conn` / `kernel BUG at net/rxrpc/conn_object.c`),
// generic verbs and tree directories left out.
import { lowerBound } from "@/lib/unique";

export interface TitleKey {
  /** the title without the ` (N)` dedup suffix */
  title: string;
  /** function or `file:line` place, null when the title names none */
  place: string | null;
  /** first word of the function, for "related" (null when too short to mean anything) */
  prefix: string | null;
  /** a hang or stall report */
  hang: boolean;
  /** distinctive name components of the place (function words, file path parts), for "related" */
  words: string[];
}

/** Name components that say what is done or where in the tree, not which code: never distinctive. */
export const GENERIC_WORDS = new Set([
  "alloc", "free", "init", "exit", "open", "close", "read", "write", "send", "recv", "release", "create", "destroy",
  "start", "stop", "work", "worker", "func", "handler", "handle", "lock", "unlock", "call", "common", "core", "check",
  "update", "remove", "delete", "list", "entry", "process", "flush", "dump", "show", "store", "cleanup", "setup",
  "register", "unregister", "timer", "event", "data", "copy", "user", "sync", "internal", "generic",
  "kernel", "drivers", "include", "arch", "linux",
]);

/** Distinctive name components of a place: what
 *  `[...new Set(place.replace(/\.[chS]$/, "").toLowerCase().split(/[_/.\-\s]+/).filter((w) => w.length >= 4 && /^[a-z][a-z0-9]*$/.test(w) && !GENERIC_WORDS.has(w)))]`
 *  gives (titles.test.ts keeps that as the spec), in one scan for an ASCII place: a judgement
 *  may key 200,000 distinct titles. */
export function wordsOf(place: string): string[] {
  let end = place.length;
  const ext = place.charCodeAt(end - 1);
  if (end >= 2 && place.charCodeAt(end - 2) === 46 && (ext === 99 || ext === 104 || ext === 83)) end -= 2;
  const out: string[] = [];
  // beyond a few words, a Set keeps the check linear
  let seen: Set<string> | null = null;
  let from = 0;
  // a word is a run of non-separators; it counts when it is a letter then letters and digits
  let good = true;
  for (let i = 0; i <= end; i++) {
    const c = i < end ? place.charCodeAt(i) : 32;
    if (c >= 128) return wordsOfText(place);
    if (c === 95 || c === 47 || c === 46 || c === 45 || c === 32 || (c >= 9 && c <= 13)) {
      if (good && i - from >= 4) {
        const w = place.slice(from, i).toLowerCase();
        if (out.length === 16) seen = new Set(out);
        if (!GENERIC_WORDS.has(w) && !(seen !== null ? seen.has(w) : out.includes(w))) {
          out.push(w);
          seen?.add(w);
        }
      }
      from = i + 1;
      good = true;
    } else if (good) {
      const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
      good = letter || (i > from && c >= 48 && c <= 57);
    }
  }
  return out;
}

/** wordsOf for any text (Unicode lowercasing and blanks), as the regexes read it. */
function wordsOfText(place: string): string[] {
  const parts = place.replace(/\.[chS]$/, "").toLowerCase().split(/[_/.\-\s]+/);
  return [...new Set(parts.filter((w) => w.length >= 4 && /^[a-z][a-z0-9]*$/.test(w) && !GENERIC_WORDS.has(w)))];
}

/** Hang and stall reports: the place is where somebody waited. */
const HANG = /^(INFO: task hung|INFO: rcu (detected|self-detected) stall|INFO: rcu_\w+ (self-)?detected stall|BUG: soft lockup|watchdog: BUG: soft lockup)/;

/** Titles that carry no place: machine-level failures and reports syzbot could not attribute. */
const UNSPECIFIC_STARTS = [
  "no output from test machine", // the VM went silent
  "lost connection to test machine", // ssh dropped
  "timed out", // `timed out waiting for ...`
  "SYZFAIL", // syzkaller's own executor failed
  "unexpected kernel reboot", // the VM rebooted
];
/** a bare panic without a place */
const BARE_PANIC = /^(suspected )?(KMSAN|KASAN)?:? ?kernel panic/i;

function unspecific(title: string): boolean {
  for (const start of UNSPECIFIC_STARTS) if (title.startsWith(start)) return true;
  return BARE_PANIC.test(title);
}

/** Suffixes a compiler puts on a function name: `.cold`, `.part.3`, `.constprop.0`, `.isra.5`. */
const CLONE_WORDS = ["cold", "part", "constprop", "isra", "llvm", "lto_priv"];

/** `fn` without its trailing clone suffixes: what `fn.replace(/(\.(cold|part|constprop|isra|llvm|lto_priv)(\.\d+)?)+$/, "")`
 *  gave, peeled from the end (that regex rescans from every `.` and is quadratic on `.llvm.llvm...x`).
 *  Peeling is exact: a suffix ending in a digit can only be the `.N` of a suffix, and no clone word
 *  ends another one. */
export function stripCloneSuffix(fn: string): string {
  let end = fn.length;
  for (;;) {
    let e = end;
    let d = e;
    while (d > 0 && fn.charCodeAt(d - 1) >= 48 && fn.charCodeAt(d - 1) <= 57) d--;
    if (d < e && d > 0 && fn.charCodeAt(d - 1) === 46) e = d - 1;
    const word = CLONE_WORDS.find((w) => e > w.length && fn.charCodeAt(e - w.length - 1) === 46 && fn.endsWith(w, e));
    if (word === undefined) break;
    end = e - word.length - 1;
  }
  return end === fn.length ? fn : fn.slice(0, end);
}

/** `raw` without syzbot's ` (N)` dedup suffix (what `raw.replace(/ \(\d+\)$/, "")` gives). */
function withoutDedupSuffix(raw: string): string {
  let i = raw.length - 1;
  if (raw.charCodeAt(i) !== 41 /* ) */) return raw;
  while (i > 0 && raw.charCodeAt(i - 1) >= 48 && raw.charCodeAt(i - 1) <= 57) i--;
  const open = i - 1;
  return open < raw.length - 2 && open >= 1 && raw.charCodeAt(open) === 40 && raw.charCodeAt(open - 1) === 32 ? raw.slice(0, open - 1) : raw;
}

export function titleKey(raw: string): TitleKey {
  const title = withoutDedupSuffix(raw).trim();
  const hang = HANG.test(title);
  if (unspecific(title)) return { title, place: null, prefix: null, hang, words: [] };
  const inAt = title.lastIndexOf(" in ");
  if (inAt >= 0) {
    const fn = stripCloneSuffix(title.slice(inAt + 4).trim());
    if (fn === "" || fn === "corrupted" || fn === "unknown") return { title, place: null, prefix: null, hang, words: [] };
    return { title, place: fn, prefix: prefixOf(fn), hang, words: /\s/.test(fn) ? [] : wordsOf(fn) };
  }
  // `kernel BUG at net/core/dev.c:NUM!`: the file is the place
  const at = /\bat ([\w./-]+\.[chS])(:\w+)?!?$/.exec(title);
  if (at) return { title, place: at[1], prefix: null, hang, words: wordsOf(at[1]) };
  // anything else (`possible deadlock`, `KASAN: ... in` without a place): the whole title
  return { title, place: title, prefix: null, hang, words: [] };
}

/** The function's first word: `fn.replace(/^_+/, "").split("_")[0]`, when 3 chars or more. */
function prefixOf(fn: string): string | null {
  let from = 0;
  while (from < fn.length && fn.charCodeAt(from) === 95) from++;
  const end = fn.indexOf("_", from);
  const word = end < 0 ? fn.slice(from) : fn.slice(from, end);
  return word.length >= 3 ? word : null;
}

export function sameBug(a: TitleKey, b: TitleKey): boolean {
  return a.place !== null && a.place === b.place;
}

export function relatedBug(a: TitleKey, b: TitleKey): boolean {
  if (sameBug(a, b) || (a.hang && b.hang)) return true;
  if (a.prefix !== null && a.prefix === b.prefix) return true;
  if (a.words.some((w) => b.words.includes(w))) return true;
  const [x, y] = [a.place ?? "", b.place ?? ""];
  return x !== "" && y !== "" && (x.endsWith(`_${y}`) || y.endsWith(`_${x}`));
}

/** Is some title of `a` the same bug as some title of `b` (`sameBug` over all pairs), in one pass. */
export function anySameBug(a: TitleKey[], b: TitleKey[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const places = new Set<string>();
  for (const t of b) if (t.place !== null) places.add(t.place);
  return a.some((t) => t.place !== null && places.has(t.place));
}

/** Is some title of `a` related to some title of `b` (`relatedBug` over all pairs), without
 *  comparing every pair: sets of places, prefixes and words, and the `_`-suffix relation through
 *  sorted reversed places, so O(n log n) in the titles' length. */
export function anyRelatedBug(a: TitleKey[], b: TitleKey[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  if (anySameBug(a, b) || (a.some((t) => t.hang) && b.some((t) => t.hang))) return true;
  const prefixes = new Set<string>();
  const words = new Set<string>();
  for (const t of b) {
    if (t.prefix !== null) prefixes.add(t.prefix);
    for (const w of t.words) words.add(w);
  }
  if (a.some((t) => (t.prefix !== null && prefixes.has(t.prefix)) || t.words.some((w) => words.has(w)))) return true;
  return endsWithUnderscore(a, b) || endsWithUnderscore(b, a);
}

function reversed(s: string): string {
  let out = "";
  for (let i = s.length - 1; i >= 0; i--) out += s[i];
  return out;
}

/** Does some place x of `a` end with `_` + some place y of `b` (both non-empty)? */
function endsWithUnderscore(a: TitleKey[], b: TitleKey[]): boolean {
  const rev = a.filter((t) => t.place !== null && t.place !== "").map((t) => reversed(t.place as string));
  if (rev.length === 0) return false;
  rev.sort();
  for (const t of b) {
    if (t.place === null || t.place === "") continue;
    // x ends with `_y` <=> reversed(x) starts with reversed(y) + `_`: the first reversed place
    // not below that key starts with it if any does
    const key = `${reversed(t.place)}_`;
    const i = lowerBound(rev, key);
    if (i < rev.length && rev[i].startsWith(key)) return true;
  }
  return false;
}

export function specific(t: TitleKey): boolean {
  return t.place !== null;
}
