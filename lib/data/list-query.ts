import "server-only";
// The list's SQL: one definition of its filter (`listFilter`), which the page of rows and the
// count both use, and for each sort an ordering that an index can give, so a query reads about
// as many rows as it shows whatever the table's size (plans at 1,000,000 rows in BENCHMARKS.md).
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListCursor, ListParams } from "@/lib/validations/list";
import { DIR_LEVELS } from "@/lib/culprit-dirs";

/** `%`, `_` and `\\` taken literally in a LIKE pattern (PostgreSQL's default escape is `\\`). */
export function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, "\\$&");
}

/** What a path-prefix filter matches: the paths that start with it, and diffstat paths git
 *  shortened to `.../tail` whose tail starts inside it at a directory boundary with at least
 *  two components (`.../bindings/regulator/x.yaml` for `Documentation/devicetree/bindings/regulator/`). */
export function pathPrefixes(prefix: string): string[] {
  const parts = prefix.split("/");
  const out = [prefix];
  const named = parts.filter(Boolean).length;
  for (let i = 1, left = named - 1; left >= 2; i++, left--) out.push(`.../${parts.slice(i).join("/")}`);
  return out;
}


/** The path filter's prefixes when they are whole directories culprit_dir keeps (a trailing
 *  slash, at most DIR_LEVELS deep), else null: a prefix that ends inside a name
 *  (`kernel/lock`) or lies deeper is answered from culprit_file's paths with LIKE. */
export function dirPrefixes(prefix: string): string[] | null {
  if (!prefix.endsWith("/") || prefix.split("/").length - 1 > DIR_LEVELS) return null;
  return pathPrefixes(prefix);
}

/** The path filter as a condition on `bisection b`: whole directories through culprit_dir's
 *  primary key, other prefixes as LIKE over the culprit's files. */
export function pathCondition(prefix: string, via: "dirs" | "files" = "dirs"): Prisma.Sql {
  const dirs = via === "dirs" ? dirPrefixes(prefix) : null;
  if (dirs) return Prisma.sql`EXISTS (SELECT 1 FROM "culprit_dir" d WHERE d.bisection_id = b.id AND d.dir = ANY(${dirs}::text[]))`;
  const likes = pathPrefixes(prefix).map((x) => Prisma.sql`f.path LIKE ${`${likeEscape(x)}%`}`);
  return Prisma.sql`EXISTS (SELECT 1 FROM "culprit_file" f WHERE f.bisection_id = b.id AND (${Prisma.join(likes, " OR ")}))`;
}

/** A search that can be the start of a commit hash: 7 to 40 hex digits (git's default
 *  abbreviation is 7; a developer's mark takes the same). */
export function hashPrefix(q: string): string | null {
  const s = q.toLowerCase();
  return /^[0-9a-f]{7,40}$/.test(s) ? s : null;
}

/** The filters on the columns the tally also has, for the table aliased `alias`. */
function columnFilters(p: ListParams, alias: "b" | "t"): Prisma.Sql[] {
  const a = Prisma.raw(alias);
  const conds: Prisma.Sql[] = [];
  if (p.type) conds.push(Prisma.sql`${a}.type = ${p.type}`);
  if (p.outcome) conds.push(Prisma.sql`${a}.outcome = ${p.outcome}`);
  if (p.verdict) conds.push(Prisma.sql`${a}.verdict = ${p.verdict}`);
  return conds;
}

/** The list's filters as one SQL condition on `bisection b`: the page of rows and its count
 *  both use it (the tally its column filters). */
export function listFilter(p: ListParams): Prisma.Sql {
  const conds = columnFilters(p, "b");
  if (p.q) conds.push(searchCondition(p.q));
  if (p.path) conds.push(pathCondition(p.path));
  if (p.mark === "marked") conds.push(Prisma.sql`EXISTS (SELECT 1 FROM "developer_mark" m WHERE m.bisection_id = b.id)`);
  else if (p.mark === "unmarked") conds.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "developer_mark" m WHERE m.bisection_id = b.id)`);
  else if (p.mark) {
    // a developer's current mark: one no later mark of theirs supersedes
    conds.push(Prisma.sql`EXISTS (SELECT 1 FROM "developer_mark" m WHERE m.bisection_id = b.id AND m.verdict = ${p.mark}
      AND NOT EXISTS (SELECT 1 FROM "developer_mark" n WHERE n.supersedes = m.id))`);
  }
  return conds.length ? Prisma.join(conds, " AND ") : Prisma.sql`TRUE`;
}

/** Text through the trigram index; a hex search also as the prefix of the found, start or a
 *  candidate commit, through btrees (the C collation makes `LIKE 'abc%'` a range). The hex
 *  case is the union of the few ids each index gives, computed first: as one OR of conditions
 *  (or a join with the union) the planner misjudges the array overlap at 1% of the table and
 *  walks all of it (23 s, then 0.6 s at 1,000,000 rows). */
function searchCondition(q: string): Prisma.Sql {
  const text = `%${likeEscape(q.toLowerCase())}%`;
  const hex = hashPrefix(q);
  if (!hex) return Prisma.sql`b.search_text LIKE ${text}`;
  const like = `${hex}%`;
  return Prisma.sql`b.id = ANY(ARRAY(
    SELECT s.id FROM "bisection" s WHERE s.search_text LIKE ${text}
    UNION SELECT s.id FROM "bisection" s WHERE s.found_commit_hash LIKE ${like}
    UNION SELECT s.id FROM "bisection" s WHERE s.start_commit_hash LIKE ${like}
    UNION SELECT s.id FROM "bisection" s WHERE s.candidates && ARRAY(SELECT c.hash FROM "commit" c WHERE c.hash LIKE ${like})))`;
}

/** Best match reads the rows of at most this many crash titles that hold the search one title
 *  at a time (each title's newest rows from its index); a search that more titles hold is
 *  common enough that walking the list in upload order finds its title matches sooner. At
 *  1,000,000 rows `lock` (191 titles) took 79 ms one title at a time, 7-22 ms by the walk. */
export const MAX_RANKED_TITLES = 50;

/** Best match's first tier: the bisection's crash title (`crash_signature s`) holds the search,
 *  case-insensitively (ILIKE, through the titles' trigram index). The page's rows carry the tier
 *  this gives (pageRowsQuery), so a cursor's tier is the query's own. */
function titleHolds(q: string, alias: "s" | "cs" = "s"): Prisma.Sql {
  return Prisma.sql`${Prisma.raw(alias)}.title ILIKE ${`%${likeEscape(q)}%`}`;
}

/** Whether the filter narrows the rows beyond type, outcome and verdict (whose counts the
 *  tally keeps). */
export function narrowsRows(p: ListParams): boolean {
  return Boolean(p.q || p.path || p.mark);
}

type Dir = "asc" | "desc";
const flip = (d: Dir): Dir => (d === "asc" ? "desc" : "asc");
const DIR = { asc: Prisma.raw("ASC"), desc: Prisma.raw("DESC") } as const;
/** past a value in the direction `d`, and at or past it */
const PAST = { asc: Prisma.raw(">"), desc: Prisma.raw("<") } as const;
const FROM = { asc: Prisma.raw(">="), desc: Prisma.raw("<=") } as const;

/** The order a page query reads in: the sort key's direction, where rows without a key go,
 *  then upload time and id. The list's order is (key, newest first, id); a `before` cursor reads
 *  it backwards from the cursor (every direction flipped) and the page is turned round after. */
interface Order {
  key: Dir;
  nullsFirst: boolean;
  at: Dir;
  id: Dir;
}

function orderOf(p: ListParams): Order {
  const back = readsBackwards(p);
  // best match has one direction: the first tier first, each newest first
  const dir = p.sort === "relevance" ? "asc" : p.dir;
  const key = back ? flip(dir) : dir;
  // rows without the key (no crash title, no found commit, no start time) come last either way:
  // a title sort that opened on every errored bisection read as no sort at all
  const nullsFirst = back;
  return { key, nullsFirst, at: p.sort === "uploaded" ? key : back ? "asc" : "desc", id: back ? "desc" : "asc" };
}

/** Whether a page query reads the list backwards (a `before` cursor): its rows are turned round. */
export function readsBackwards(p: ListParams): boolean {
  return !p.after && Boolean(p.before);
}

const NULLS = (o: Order) => Prisma.raw(o.nullsFirst ? "NULLS FIRST" : "NULLS LAST");

/** Rows past the cursor's (upload time, id) in order `o`: a bound an index can start from and
 *  the tie on the cursor's own upload time. */
function pastTie(at: Prisma.Sql, id: Prisma.Sql, o: Order, c: ListCursor): Prisma.Sql {
  return Prisma.sql`${at} ${FROM[o.at]} ${c.at}::timestamp AND (${at} ${PAST[o.at]} ${c.at}::timestamp OR ${id} ${PAST[o.id]} ${c.id})`;
}

/** The cursor's key as SQL of the column's type. */
function keyValue(p: ListParams, key: string | number): Prisma.Sql {
  if (p.sort === "tested" || p.sort === "relevance") return Prisma.sql`${key}::int`;
  if (p.sort === "ran") return Prisma.sql`${key}::timestamp`;
  return Prisma.sql`${key}::text`;
}

/** Rows past the cursor in order `o` for the key column `k` (NULL where a row has none). */
function pastKey(p: ListParams, k: Prisma.Sql, o: Order, c: ListCursor, tie: Prisma.Sql): Prisma.Sql {
  if (c.key === null) return o.nullsFirst ? Prisma.sql`(${k} IS NOT NULL OR (${k} IS NULL AND ${tie}))` : Prisma.sql`(${k} IS NULL AND ${tie})`;
  const v = keyValue(p, c.key);
  const keyed = Prisma.sql`(${k} ${PAST[o.key]} ${v} OR (${k} = ${v} AND ${tie}))`;
  return o.nullsFirst ? keyed : Prisma.sql`(${k} IS NULL OR ${keyed})`;
}

/** The ids of one page, in the list's order (turned round for a `before` cursor, see
 *  readsBackwards): the sort key, then newest first, then id. With a cursor the page is the
 *  rows past it, read from where it points; without one, `page` counts pages from the start.
 *  `few`: the filter is known or likely to match few rows (a search, path or mark filter, or a
 *  type, outcome and verdict whose tally is small). */
export function pageIdsQuery(p: ListParams, few: boolean, rankedTitles = MAX_RANKED_TITLES): Prisma.Sql {
  const where = listFilter(p);
  const c = p.after ?? p.before ?? null;
  const skip = c ? 0 : (p.page - 1) * p.per;
  const page = Prisma.sql`LIMIT ${p.per} OFFSET ${skip}`;
  const o = orderOf(p);
  const [key, at, id] = [DIR[o.key], DIR[o.at], DIR[o.id]];
  // each part below needs at most this many rows for the page
  const n = skip + p.per;
  const dirs = p.path ? dirPrefixes(p.path) : null;
  if (p.sort === "uploaded" && dirs) {
    // a directory's bisections in upload order from culprit_dir's index, each of the
    // directory's spellings (`.../tail` diffstat paths) cut at the rows the page needs
    const rest = listFilter({ ...p, path: undefined });
    const past = c ? pastTie(Prisma.sql`d.uploaded_at`, Prisma.sql`d.bisection_id`, o, c) : Prisma.sql`TRUE`;
    const walks = dirs.map(
      (d) => Prisma.sql`(SELECT b.id, b.uploaded_at FROM "culprit_dir" d JOIN "bisection" b ON b.id = d.bisection_id
        WHERE d.dir = ${d} AND ${past} AND ${rest} ORDER BY d.uploaded_at ${at}, d.bisection_id ${id} LIMIT ${n})`,
    );
    return Prisma.sql`SELECT x.id FROM (${Prisma.join(walks, " UNION ")}) AS x ORDER BY x.uploaded_at ${at}, x.id ${id} ${page}`;
  }
  // rows past the cursor's upload time and id (on the upload sort, past the cursor itself)
  const tie = c ? pastTie(Prisma.sql`b.uploaded_at`, Prisma.sql`b.id`, o, c) : Prisma.sql`TRUE`;
  if (p.sort === "uploaded") return Prisma.sql`SELECT b.id FROM "bisection" b WHERE ${where} AND ${tie} ORDER BY b.uploaded_at ${at}, b.id ${id} ${page}`;
  if (p.sort === "relevance") return bestMatchIdsQuery(p, where, o, c, tie, n, page, rankedTitles);
  const keyColumn = {
    ran: Prisma.sql`b.started_at`,
    title: Prisma.sql`s.title`,
    commit: Prisma.sql`b.found_commit_hash`,
    tested: Prisma.sql`b.step_count`,
    outcome: Prisma.sql`b.outcome`,
    verdict: Prisma.sql`b.verdict`,
  }[p.sort];
  // few rows: one query, and the planner chooses between walking the sort's index and sorting
  // what the filter's index gives (walking each title or value in turn could read them all)
  if (few) {
    const past = c ? pastKey(p, keyColumn, o, c, tie) : Prisma.sql`TRUE`;
    return Prisma.sql`SELECT b.id FROM "bisection" b LEFT JOIN "crash_signature" s ON s.id = b.crash_signature_id
      WHERE ${where} AND ${past} ORDER BY ${keyColumn} ${key} ${NULLS(o)}, b.uploaded_at ${at}, b.id ${id} ${page}`;
  }
  if (p.sort === "title" || p.sort === "commit" || p.sort === "ran") {
    // rows with the key (the key's index, then the newest of each key) and rows without it,
    // each cut at n, then merged; past a cursor, each part from where the cursor points
    // (rows without a key all lie on one side of the rows with one)
    const v = c && c.key !== null ? keyValue(p, c.key) : null;
    const keyedPast = !c ? "all" : v ? "from" : o.nullsFirst ? "all" : "none";
    const nullPast = !c ? "all" : v ? (o.nullsFirst ? "none" : "all") : "tie";
    const keyed =
      keyedPast === "none"
        ? Prisma.sql`SELECT NULL::text AS id, NULL::text AS k, NULL::timestamp AS uploaded_at WHERE false`
        : p.sort === "title"
          ? // titles in order, each title's newest n: a title shared by thousands is not sorted whole
            Prisma.sql`SELECT x.id, s.title AS k, x.uploaded_at FROM "crash_signature" s CROSS JOIN LATERAL (
                SELECT b.id, b.uploaded_at FROM "bisection" b WHERE b.crash_signature_id = s.id AND ${where}
                  AND ${v ? Prisma.sql`(s.title <> ${v} OR ${tie})` : Prisma.sql`TRUE`}
                ORDER BY b.uploaded_at ${at}, b.id ${id} LIMIT ${n}) AS x
              WHERE ${v ? Prisma.sql`s.title ${FROM[o.key]} ${v}` : Prisma.sql`TRUE`}
              ORDER BY s.title ${key}, x.uploaded_at ${at}, x.id ${id} LIMIT ${n}`
          : Prisma.sql`SELECT b.id, ${keyColumn} AS k, b.uploaded_at FROM "bisection" b
              WHERE ${keyColumn} IS NOT NULL AND ${where}
                AND ${v ? Prisma.sql`${keyColumn} ${FROM[o.key]} ${v} AND (${keyColumn} ${PAST[o.key]} ${v} OR ${tie})` : Prisma.sql`TRUE`}
              ORDER BY ${keyColumn} ${key}, b.uploaded_at ${at}, b.id ${id} LIMIT ${n}`;
    const column = p.sort === "title" ? Prisma.raw("b.crash_signature_id") : keyColumn;
    const unkeyed =
      nullPast === "none"
        ? Prisma.sql`SELECT NULL::text, NULL, NULL::timestamp WHERE false`
        : Prisma.sql`SELECT b.id, NULL, b.uploaded_at FROM "bisection" b WHERE ${column} IS NULL AND ${where}
            AND ${nullPast === "tie" ? tie : Prisma.sql`TRUE`} ORDER BY b.uploaded_at ${at}, b.id ${id} LIMIT ${n}`;
    return Prisma.sql`SELECT x.id FROM ((${keyed}) UNION ALL (${unkeyed})) AS x
      ORDER BY x.k ${key} ${NULLS(o)}, x.uploaded_at ${at}, x.id ${id} ${page}`;
  }
  const column = Prisma.raw({ tested: "step_count", outcome: "outcome", verdict: "verdict" }[p.sort]);
  // few distinct values (commits tested, outcome, verdict): walk them in order by skipping
  // through the key's index, and take each value's newest n rows from the same index; past a
  // cursor, from the cursor's value on
  const v = c && c.key !== null ? keyValue(p, c.key) : null;
  return Prisma.sql`WITH RECURSIVE v(k) AS (
      (SELECT b.${column} FROM "bisection" b WHERE ${v ? Prisma.sql`b.${column} ${FROM[o.key]} ${v}` : Prisma.sql`TRUE`} ORDER BY b.${column} ${key} LIMIT 1)
      UNION ALL
      SELECT (SELECT b.${column} FROM "bisection" b WHERE b.${column} ${PAST[o.key]} v.k ORDER BY b.${column} ${key} LIMIT 1) FROM v WHERE v.k IS NOT NULL)
    SELECT x.id FROM v CROSS JOIN LATERAL (
      SELECT b.id, b.uploaded_at FROM "bisection" b WHERE b.${column} = v.k AND ${where}
        AND ${v ? Prisma.sql`(v.k <> ${v} OR ${tie})` : Prisma.sql`TRUE`}
      ORDER BY b.uploaded_at ${at}, b.id ${id} LIMIT ${n}) AS x
    ORDER BY v.k ${key}, x.uploaded_at ${at}, x.id ${id} ${page}`;
}

/** Best match: the matches whose crash title holds the search (tier 0), then the others (tier 1),
 *  each newest first. The tier read first (tier 0, or tier 1 for a `before` cursor) is cut at n
 *  rows; the other is only read when that gave fewer than n (a one-time filter: PostgreSQL does
 *  not start it), so a common search does not walk every match of the other tier. Tier 0 comes
 *  from each matching title's newest rows while at most MAX_RANKED_TITLES titles match, else by
 *  the upload-time walk. Past a cursor: its own tier from the cursor, the tier after it whole,
 *  the one before it not at all. */
function bestMatchIdsQuery(p: ListParams, where: Prisma.Sql, o: Order, c: ListCursor | null, tie: Prisma.Sql, n: number, page: Prisma.Sql, ranked: number): Prisma.Sql {
  const holds = titleHolds(p.q ?? "");
  const [key, at, id] = [DIR[o.key], DIR[o.at], DIR[o.id]];
  // a title's own rows: walked newest first in its (crash_signature_id, uploaded_at, id) index
  // and checked against the search text as they come (nearly all match: the search text holds
  // the title). Given the search as a LIKE, PostgreSQL expects a few of a title's rows to match
  // where all 16,508 do (`kvm_wait` at 1,000,000 rows), reads every one and sorts them: 270 ms.
  // The same LIKE inside a CASE is estimated as half the rows, and the walk stops at the page:
  // 0.13 ms (EXPLAIN ANALYZE, BENCHMARKS.md "Best match").
  const text = `%${likeEscape((p.q ?? "").toLowerCase())}%`;
  const ownRows = p.q && !hashPrefix(p.q)
    ? Prisma.sql`${listFilter({ ...p, q: undefined })} AND (CASE WHEN b.search_text LIKE ${text} THEN true ELSE false END)`
    : where;
  const reading: (0 | 1)[] = o.key === "asc" ? [0, 1] : [1, 0];
  const pastOf = (tier: 0 | 1): Prisma.Sql | null => {
    if (!c) return Prisma.sql`TRUE`;
    if (c.key === tier) return tie;
    return reading.indexOf(tier) > reading.indexOf(Number(c.key) as 0 | 1) ? Prisma.sql`TRUE` : null;
  };
  const tierSql = (tier: 0 | 1, past: Prisma.Sql): Prisma.Sql =>
    tier === 0
      ? Prisma.sql`SELECT x.id, 0 AS k, x.uploaded_at FROM (
            (SELECT y.id, y.uploaded_at FROM "sigs" CROSS JOIN LATERAL (
                SELECT b.id, b.uploaded_at FROM "bisection" b WHERE b.crash_signature_id = sigs.id AND ${ownRows} AND ${past}
                ORDER BY b.uploaded_at ${at}, b.id ${id} LIMIT ${n}) AS y
              WHERE (SELECT count(*) FROM "sigs") <= ${ranked}
              ORDER BY y.uploaded_at ${at}, y.id ${id} LIMIT ${n})
            UNION ALL
            (SELECT b.id, b.uploaded_at FROM "bisection" b JOIN "crash_signature" s ON s.id = b.crash_signature_id
              WHERE (SELECT count(*) FROM "sigs") > ${ranked} AND ${holds} AND ${where} AND ${past}
              ORDER BY b.uploaded_at ${at}, b.id ${id} LIMIT ${n})) AS x`
      : Prisma.sql`SELECT b.id, 1 AS k, b.uploaded_at FROM "bisection" b LEFT JOIN "crash_signature" s ON s.id = b.crash_signature_id
          WHERE ${where} AND NOT coalesce(${holds}, false) AND ${past} ORDER BY b.uploaded_at ${at}, b.id ${id} LIMIT ${n}`;
  const parts = reading.flatMap((tier) => {
    const past = pastOf(tier);
    return past ? [tierSql(tier, past)] : [];
  });
  if (parts.length === 0) return Prisma.sql`SELECT NULL::text AS id WHERE false`;
  const second = parts[1]
    ? Prisma.sql`UNION ALL SELECT z.id, z.k, z.uploaded_at FROM (${parts[1]}) AS z WHERE (SELECT count(*) FROM "first") < ${n}`
    : Prisma.empty;
  return Prisma.sql`WITH "sigs" AS MATERIALIZED (SELECT s.id FROM "crash_signature" s WHERE ${holds} LIMIT ${ranked + 1}),
      "first" AS MATERIALIZED (${parts[0]})
    SELECT w.id FROM (SELECT f.id, f.k, f.uploaded_at FROM "first" f ${second}) AS w
    ORDER BY w.k ${key}, w.uploaded_at ${at}, w.id ${id} ${page}`;
}

/** What the list shows of each row of a page, in the page's order, in one statement (the
 *  page's ids, then one join each for titles, culprit and syzbot link, and the developers'
 *  current marks): the Prisma relation queries it replaces took twice as long at 50 rows. */
export function pageRowsQuery(p: ListParams, few: boolean): Prisma.Sql {
  return Prisma.sql`SELECT b.id, b.uploaded_at, b.started_at, b.found_commit_hash, b.type, b.outcome, b.verdict, b.verdict_headline, b.step_count,
      coalesce(cardinality(b.candidates), 0)::int AS candidates,
      CASE WHEN b.error <> '' THEN split_part(b.error, E'\\n', 1) END AS error,
      cs.title AS crash_title, ss.title AS start_title, u.hash AS culprit_hash, u.subject AS culprit_subject, u.author AS culprit_author,
      l.bisection_id IS NOT NULL AS has_syzbot, l.log_xid, l.bug_extid, l.bug_id, l.bug_title, l.log_url, l.bug_url, l.console_url,
      l.config_url, l.syz_repro_url, l.c_repro_url, mk.right_marks, mk.wrong_marks,
      ${p.sort === "relevance" ? Prisma.sql`CASE WHEN ${titleHolds(p.q ?? "", "cs")} THEN 0 ELSE 1 END` : Prisma.sql`NULL::int`} AS tier
    FROM unnest(ARRAY(${pageIdsQuery(p, few)})) WITH ORDINALITY AS pg(id, n)
    JOIN "bisection" b ON b.id = pg.id
    LEFT JOIN "crash_signature" cs ON cs.id = b.crash_signature_id
    LEFT JOIN "crash_signature" ss ON ss.id = b.start_signature_id
    LEFT JOIN "culprit" u ON u.bisection_id = b.id
    LEFT JOIN "syzbot_link" l ON l.bisection_id = b.id
    -- each developer's current mark: one no later mark of theirs supersedes
    CROSS JOIN LATERAL (SELECT count(*) FILTER (WHERE m.verdict = 'right')::int AS right_marks, count(*) FILTER (WHERE m.verdict = 'wrong')::int AS wrong_marks
      FROM "developer_mark" m WHERE m.bisection_id = b.id AND NOT EXISTS (SELECT 1 FROM "developer_mark" x WHERE x.supersedes = m.id)) AS mk
    ORDER BY pg.n ${readsBackwards(p) ? Prisma.raw("DESC") : Prisma.raw("ASC")}`;
}

/** How many rows the planner expects the filter to match (its statistics, no rows read). */
export function estimateQuery(p: ListParams): Prisma.Sql {
  return Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM "bisection" b WHERE ${listFilter(p)}`;
}

/** How many rows match, counting at most `limit` of them (the scan stops there). */
export function countQuery(p: ListParams, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT count(*) AS n FROM (SELECT 1 FROM "bisection" b WHERE ${listFilter(p)} LIMIT ${limit}) AS sub`;
}

/** The exact count of a filter on type, outcome and verdict only, from the tally. */
export function tallyQuery(p: ListParams): Prisma.Sql {
  const conds = columnFilters(p, "t");
  return Prisma.sql`SELECT coalesce(sum(t.n), 0) AS n FROM "bisection_tally" t WHERE ${conds.length ? Prisma.join(conds, " AND ") : Prisma.sql`TRUE`}`;
}
