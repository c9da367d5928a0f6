// What kind of crash decided a verdict when it was not the bug. Three kinds, from the weakest
// evidence of the bug to the strongest:
//   unspecific: the titles name no place (`lost connection to test machine`, `no output from test
//     machine`, `SYZFATAL: ...`, `... in corrupted`): the machine or syzkaller failed, nothing
//     says the kernel carries the bug;
//   other-subsystem: a crash in code unrelated to the bug's (titles.ts's `relatedBug` fails);
//   unseen: a crash of the same subsystem but at a place the start commit never crashed in.
// The bug's titles are indexed once (places, prefixes, name components, underscore suffixes), so
// classifying a step costs the length of its titles, not titles x reference titles. The suffix
// relation indexes the first MAX_SUFFIX_PLACES places of at most KSYM_NAME_LEN characters: a
// start commit crashes with a handful of titles, and a longer place is no kernel symbol, so a
// hostile log's thousand long places cost no more than a real one's few.
import { relatedBug, specific, type TitleKey } from "./titles";

import type { OffTargetKind } from "@/lib/domain/words";

export type { OffTargetKind };

/** Titles syzbot gives to failures that are not a kernel bug's report (on top of titles.ts's
 *  unspecific ones): syzkaller's fatal errors and reports it could not parse. */
const MACHINE = /^(?:SYZFATAL|SYZFAIL|executor failed|failed to|unexpected kernel reboot|suspected kernel panic|kernel panic|corrupted|no output|lost connection|timed out)|\bin corrupted$/i;

export function unspecificTitle(t: TitleKey): boolean {
  return !specific(t) || MACHINE.test(t.title);
}

/** The kernel's longest symbol name (include/linux/kallsyms.h). */
export const KSYM_NAME_LEN = 512;
/** Places of the bug the `_`-suffix relation is indexed for. */
export const MAX_SUFFIX_PLACES = 64;

/** The bug's places read from their end: a node per character, `end` where a place starts. */
interface Reversed {
  next: Map<number, Reversed>;
  end: boolean;
}

/** The bug's titles, indexed for `sameBug` and `relatedBug` lookups. */
export interface BugIndex {
  keys: TitleKey[];
  places: Set<string>;
  prefixes: Set<string>;
  words: Set<string>;
  /** every `_suffix` tail of a place (`fuse_request_end` -> `request_end`, `end`) */
  tails: Set<string>;
  /** the places, reversed, for "a title's place ends with `_${place}`" */
  reversed: Reversed;
  /** places in `tails` and `reversed` */
  suffixPlaces: number;
  hang: boolean;
}

function tailsOf(place: string, into: Set<string>): void {
  for (let i = place.indexOf("_"); i >= 0; i = place.indexOf("_", i + 1)) into.add(place.slice(i + 1));
}

function addReversed(root: Reversed, place: string): void {
  let node = root;
  for (let i = place.length - 1; i >= 0; i--) {
    const c = place.charCodeAt(i);
    let child = node.next.get(c);
    if (!child) node.next.set(c, (child = { next: new Map(), end: false }));
    node = child;
  }
  node.end = true;
}

/** Whether `p` ends with `_${place}` for an indexed place: one walk from p's end. */
function endsWithPlace(root: Reversed, p: string): boolean {
  let node: Reversed | undefined = root;
  for (let i = p.length - 1; i > 0 && node; i--) {
    node = node.next.get(p.charCodeAt(i));
    if (node?.end && p.charCodeAt(i - 1) === 95 /* _ */) return true;
  }
  return false;
}

export function bugIndex(keys: TitleKey[]): BugIndex {
  const idx: BugIndex = { keys: [], places: new Set(), prefixes: new Set(), words: new Set(), tails: new Set(), reversed: { next: new Map(), end: false }, suffixPlaces: 0, hang: false };
  for (const k of keys) {
    if (k.place === null || idx.places.has(k.place)) continue;
    idx.keys.push(k);
    idx.places.add(k.place);
    if (k.prefix) idx.prefixes.add(k.prefix);
    for (const w of k.words) idx.words.add(w);
    if (k.place.length <= KSYM_NAME_LEN && idx.suffixPlaces < MAX_SUFFIX_PLACES) {
      tailsOf(k.place, idx.tails);
      addReversed(idx.reversed, k.place);
      idx.suffixPlaces++;
    }
    idx.hang ||= k.hang;
  }
  return idx;
}

/** titles.ts's `sameBug` against any title of the bug. */
export function isBug(idx: BugIndex, t: TitleKey): boolean {
  return t.place !== null && idx.places.has(t.place);
}

/** titles.ts's `relatedBug` against any title of the bug, by lookups. */
export function isRelated(idx: BugIndex, t: TitleKey): boolean {
  if (isBug(idx, t) || (t.hang && idx.hang)) return true;
  if (t.prefix !== null && idx.prefixes.has(t.prefix)) return true;
  if (t.words.some((w) => idx.words.has(w))) return true;
  const p = t.place;
  if (p === null || p === "" || p.length > KSYM_NAME_LEN) return false;
  // a bug place ends with `_${p}`, or p ends with `_${place}`
  return idx.tails.has(p) || endsWithPlace(idx.reversed, p);
}

/** The kind of off-target crashes among `titles` (one step's crashes) against the bug; the
 *  strongest kind present wins (a specific crash outweighs noise). */
export function offTargetKind(titles: TitleKey[], idx: BugIndex): OffTargetKind {
  const real = titles.filter((t) => !unspecificTitle(t));
  if (real.length === 0) return "unspecific";
  return real.some((t) => isRelated(idx, t)) ? "unseen" : "other-subsystem";
}

/** For tests: the index agrees with titles.ts's pairwise relation (on places a kernel could
 *  name: at most KSYM_NAME_LEN characters, among the first MAX_SUFFIX_PLACES). */
export function relatedPairwise(keys: TitleKey[], t: TitleKey): boolean {
  return keys.some((k) => relatedBug(k, t));
}
