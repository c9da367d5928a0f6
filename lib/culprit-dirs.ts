// The directories culprit_dir keeps for a culprit file (migration 20261201210000's
// `culprit_dirs`): the bulk import writes them from here (lib/ingest/rows.ts), the path filter
// reads them (lib/data/list-query.ts). lib/data/culprit-dir.test.ts holds this against the SQL.

/** The deepest directory culprit_dir keeps a row for. */
export const DIR_LEVELS = 8;

/** The characters of `path` up to `n`, counted as PostgreSQL's `left()` counts them (code points). */
function leftChars(path: string, n: number): string {
  if (path.length <= n) return path;
  let i = 0;
  for (let k = 0; k < n && i < path.length; k++) i += (path.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return path.slice(0, i);
}

/** The directories that hold `path`, outermost first (`kernel/`, `kernel/locking/` for
 *  `kernel/locking/lockdep.c`): the rule of SQL's `culprit_dirs` (migration 20261201210000), at
 *  most DIR_LEVELS deep, read from the path's first 201 characters. The bulk import writes them;
 *  culprit_file's trigger writes the same for every other session
 *  (lib/data/culprit-dir.test.ts holds the two against each other). */
export function culpritDirs(path: string): string[] {
  const p = leftChars(path, 201);
  const out: string[] = [];
  let end = -1;
  for (let n = 0; n < DIR_LEVELS; n++) {
    end = p.indexOf("/", end + 1);
    if (end < 0) break;
    out.push(p.slice(0, end + 1));
  }
  return out;
}
