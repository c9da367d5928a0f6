// The found commit's section of the bisection page: the commit as this log printed it, what to
// call it, and its files (past LISTED, a count per directory and a page of their own). Pure.
import { capitalised } from "@/lib/format";
import { foundWord, type BisectionType } from "@/lib/domain/words";
import type { PageCommit, PageFile } from "./types";

/** Past this many changed files the page lists them on their own pages (/b/<id>/files) and shows
 *  a count per directory: a merge of a whole release changes 11,835 files in the corpus, and
 *  each row costs every reader of the bisection page. */
export const LISTED = 200;

export interface CulpritView {
  id: string;
  /** the found commit as this log printed it */
  commit: PageCommit;
  /** what to call it: "Culprit", "Fix" */
  word: string;
  /** files per top-level directory, most first, when there are more than LISTED */
  byDirectory: { dir: string; files: number; changes: number }[];
}

/** Files per top-level directory (`drivers/`, `net/`; a file at the top as itself), most first. */
export function filesByDirectory(files: readonly PageFile[]): { dir: string; files: number; changes: number }[] {
  const by = new Map<string, { dir: string; files: number; changes: number }>();
  for (const f of files) {
    const path = f.path.startsWith(".../") ? "(shortened paths)" : f.path;
    const slash = path.indexOf("/");
    const dir = slash < 0 ? path : path.slice(0, slash + 1);
    let d = by.get(dir);
    if (!d) by.set(dir, (d = { dir, files: 0, changes: 0 }));
    d.files++;
    d.changes += f.changes ?? (f.insertions ?? 0) + (f.deletions ?? 0);
  }
  return [...by.values()].sort((a, b) => b.files - a.files || (a.dir < b.dir ? -1 : 1));
}

export function culpritView(id: string, commit: PageCommit, type: BisectionType): CulpritView {
  return { id, commit, word: capitalised(foundWord(type)), byDirectory: commit.files.length > LISTED ? filesByDirectory(commit.files) : [] };
}

