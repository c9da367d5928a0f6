// The list's URL state (`/`, `/api/bisections`, `/feed.atom`): one typed object, parsed once.
// Unknown values fall back to defaults rather than failing: a stale link still opens.
import { z } from "zod";
import { BISECTION_TYPES, OUTCOMES, VERDICTS } from "@/lib/domain/words";
import { CONTROL } from "./control";

export const SORT_KEYS = ["uploaded", "ran", "title", "commit", "tested", "outcome", "verdict", "relevance"] as const;
export const PAGE_SIZES = [25, 50, 100, 200] as const;
/** developers' marks: a current mark says wrong / right; any mark; no mark */
export const MARK_FILTERS = ["wrong", "right", "marked", "unmarked"] as const;

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** Search text and path prefixes: at most this many characters. */
export const MAX_TEXT_PARAM = 200;
const textParam = z
  .string()
  .max(MAX_TEXT_PARAM, `must be at most ${MAX_TEXT_PARAM} characters`)
  .refine((s) => !CONTROL.test(s), "must not contain control characters (NUL, newline, escape...)")
  .transform((s) => s.trim());
const text = z.preprocess(one, textParam.optional().catch(undefined));

/** Where a page ends (`after`: the next page starts past it) or starts (`before`) in the
 *  list's order: a row's sort key (null where it has none; unused for the upload sort), its
 *  upload time and its id. Paging by it reads only the page's rows however deep the page is,
 *  and a page does not shift when logs arrive meanwhile. */
export interface ListCursor {
  key: string | number | null;
  at: string;
  id: string;
}

/** The longest sort key the list gives: a crash title, which the parser cuts at MAX_MATCH
 *  (lib/parser/patterns.ts, 4,096 characters); hashes, times and words are shorter. */
export const MAX_CURSOR_KEY = 4096;
/** The most commits a row can count: `step_count` is an int4. */
const MAX_INT4 = 2_147_483_647;
/** What ingest's printable() leaves in a stored title: no control character but tab. */
const CONTROL_IN_KEY = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/;
/** The longest cursor the encoder writes: JSON takes at most 3 UTF-8 bytes for each UTF-16
 *  unit of a key without controls, plus room for the time, the id and the punctuation. */
const MAX_CURSOR_CHARS = Math.ceil((3 * MAX_CURSOR_KEY + 256) / 3) * 4;
const ISO_TIME = z.iso.datetime();

/** Why `s` is not a time PostgreSQL's timestamp takes as the list writes them, or null: ISO
 *  8601 in UTC, years 1 to 9999 (toISOString's four digits; PostgreSQL has no year 0, 22008). */
function timeProblem(s: unknown, what: string): string | null {
  if (typeof s !== "string" || !ISO_TIME.safeParse(s).success) return `its ${what} is not an ISO 8601 UTC time`;
  return s.startsWith("0000") ? `its ${what} ${JSON.stringify(s)} is outside the years 1 to 9999` : null;
}

/** Why a sort key cannot be one the list gave, or null. */
function keyProblem(k: unknown): string | null {
  if (k === null) return null;
  if (typeof k === "number") return Number.isInteger(k) && k >= 0 && k <= MAX_INT4 ? null : `its count ${k} is not a number of commits tested (0 to ${MAX_INT4})`;
  if (typeof k !== "string") return "its sort key is neither text, a count nor null";
  if (k.length > MAX_CURSOR_KEY) return `its sort key is longer than ${MAX_CURSOR_KEY} characters`;
  return CONTROL_IN_KEY.test(k) ? "its sort key holds control characters" : null;
}

/** A cursor as it travels in a URL: base64url of `[key, at, id]`. */
export function encodeCursor(c: ListCursor): string {
  return Buffer.from(JSON.stringify([c.key, c.at, c.id])).toString("base64url");
}

/** The cursor in `s`, or why it is none the list gave: every part bounded to what PostgreSQL
 *  compares (a time in its range, a count in int4, text without NUL), so no cursor that
 *  passes here can make the page's query fail. */
export function readCursor(s: string): { ok: true; cursor: ListCursor } | { ok: false; why: string | null } {
  if (s.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(s)) return { ok: false, why: null };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(s, "base64url").toString("utf8"));
  } catch {
    return { ok: false, why: null };
  }
  if (!Array.isArray(json) || json.length !== 3) return { ok: false, why: null };
  const [key, at, id] = json as unknown[];
  if (typeof id !== "string" || !/^[0-9a-z]{1,64}$/.test(id)) return { ok: false, why: null };
  const why = keyProblem(key) ?? timeProblem(at, "upload time");
  return why ? { ok: false, why } : { ok: true, cursor: { key: key as ListCursor["key"], at: at as string, id } };
}

export function decodeCursor(s: string): ListCursor | null {
  const r = readCursor(s);
  return r.ok ? r.cursor : null;
}

/** Why a cursor's key does not fit the sort, or null: a count for commits tested, a start
 *  time (or none) for ran, text for outcome and verdict, text or none else. */
function cursorMisfit(c: ListCursor, sort: (typeof SORT_KEYS)[number]): string | null {
  const other = `is a position in another sort than ${sort}`;
  if (sort === "tested") return typeof c.key === "number" ? null : other;
  // best match: 0 where the crash title holds the search, 1 for the other matches
  if (sort === "relevance") return c.key === 0 || c.key === 1 ? null : other;
  if (sort === "outcome" || sort === "verdict") return typeof c.key === "string" ? null : other;
  if (sort === "ran") {
    if (c.key === null) return null;
    if (typeof c.key !== "string" || !ISO_TIME.safeParse(c.key).success) return other;
    const why = timeProblem(c.key, "start time");
    return why && `is not a position this list gave: ${why}`;
  }
  return c.key === null || typeof c.key === "string" ? null : other;
}

/** Whether a cursor's key has the sort's type (see cursorMisfit). */
export function cursorFits(c: ListCursor, sort: (typeof SORT_KEYS)[number]): boolean {
  return cursorMisfit(c, sort) === null;
}

const cursorParam = z.string().transform((s, ctx) => {
  const r = readCursor(s);
  if (!r.ok) {
    ctx.addIssue({ code: "custom", message: `is not a position this list gave${r.why ? `: ${r.why}` : ""} (follow the list's own next / previous links)` });
    return z.NEVER;
  }
  return r.cursor;
});
const cursor = z.preprocess(one, cursorParam.optional().catch(undefined));

/** A whole number as a URL writes one: decimal digits, perhaps after a minus (`0x10`, `1e2`,
 *  ` 2` and `2.0` are not pages, though JavaScript's Number reads them). */
const DECIMAL = /^-?[0-9]+$/;
// a number past 1e9 is clamped there, so a 400-digit page says "at most", not zod's "Infinity"
const decimal = (s: string) => Math.max(-1e9, Math.min(1e9, Number(s)));
const pageNumber = z
  .string()
  .regex(DECIMAL, "must be a whole number")
  .transform(decimal)
  .pipe(z.number().min(1, "must be at least 1").max(100_000, "must be at most 100000"));
const pageSize = z
  .string()
  .regex(DECIMAL, `must be one of ${PAGE_SIZES.join(", ")}`)
  .transform(decimal)
  .pipe(z.number().refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `must be one of ${PAGE_SIZES.join(", ")}`));

export const listParamsSchema = z.object({
  q: text,
  path: text,
  type: z.preprocess(one, z.enum(BISECTION_TYPES).optional().catch(undefined)),
  outcome: z.preprocess(one, z.enum(OUTCOMES).optional().catch(undefined)),
  verdict: z.preprocess(one, z.enum(VERDICTS).optional().catch(undefined)),
  mark: z.preprocess(one, z.enum(MARK_FILTERS).optional().catch(undefined)),
  sort: z.preprocess(one, z.enum(SORT_KEYS).catch("uploaded").default("uploaded")),
  dir: z.preprocess(one, z.enum(["asc", "desc"]).catch("desc").default("desc")),
  page: z.preprocess(one, pageNumber.catch(1).default(1)),
  per: z.preprocess(one, pageSize.catch(50).default(50)),
  after: cursor,
  before: cursor,
});

export type ListParams = z.infer<typeof listParamsSchema>;

/** One cursor at most, and one of the sort's type: a stale or edited link opens at `page`.
 *  Best match without a search is the upload order (nothing to match). */
function fitCursors<T extends ListParams>(p: T): T {
  const sort = p.sort === "relevance" && !p.q ? "uploaded" : p.sort;
  const after = p.after && cursorFits(p.after, sort) ? p.after : undefined;
  const before = !after && p.before && cursorFits(p.before, sort) ? p.before : undefined;
  return { ...p, sort, after, before };
}

export function parseListParams(raw: Record<string, unknown>): ListParams {
  return fitCursors(listParamsSchema.parse(raw));
}

/** The query string for params, leaving defaults out so URLs stay short. */
export function listQuery(p: Partial<ListParams>): string {
  const q = new URLSearchParams();
  if (p.q) q.set("q", p.q);
  if (p.path) q.set("path", p.path);
  if (p.type) q.set("type", p.type);
  if (p.outcome) q.set("outcome", p.outcome);
  if (p.verdict) q.set("verdict", p.verdict);
  if (p.mark) q.set("mark", p.mark);
  if (p.sort && p.sort !== "uploaded") q.set("sort", p.sort);
  if (p.dir && p.dir !== "desc") q.set("dir", p.dir);
  if (p.page && p.page !== 1) q.set("page", String(p.page));
  if (p.per && p.per !== 50) q.set("per", String(p.per));
  if (p.after) q.set("after", encodeCursor(p.after));
  else if (p.before) q.set("before", encodeCursor(p.before));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** Pages counted from the start (`?page=N` without a cursor) reach this many rows at most:
 *  each reads every row before it, so a deep one is refused rather than left to read a
 *  million; past it the list goes on by its cursors, which read a page's rows only. */
export const MAX_OFFSET_ROWS = 10_000;

/** Why these parameters' page cannot be counted to, or null. */
export function offsetProblem(p: ListParams): string | null {
  if (p.after || p.before || (p.page - 1) * p.per <= MAX_OFFSET_ROWS) return null;
  return `page ${p.page.toLocaleString("en")} (${p.per} rows a page) starts past row ${MAX_OFFSET_ROWS.toLocaleString("en")}, which pages counted from the start do not reach (follow the next links, which carry a cursor, or narrow the list)`;
}

/** The same parameters, refused instead of defaulted: for the JSON API and the feed, where a
 *  mistyped filter must not quietly return (or subscribe to) everything. */
const strictSchema = z.object({
  q: textParam.optional(),
  path: textParam.optional(),
  type: z.enum(BISECTION_TYPES).optional(),
  outcome: z.enum(OUTCOMES).optional(),
  verdict: z.enum(VERDICTS).optional(),
  mark: z.enum(MARK_FILTERS).optional(),
  sort: z.enum(SORT_KEYS).default("uploaded"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: pageNumber.default(1),
  per: pageSize.default(50),
  after: cursorParam.optional(),
  before: cursorParam.optional(),
});

const CONTROLS = new RegExp(CONTROL.source, "g");

/** A user's text as a notice quotes it: at most 40 characters, control characters as \uXXXX. */
function shownText(v: string): string {
  const cut = v.length > 40 ? `${v.slice(0, 40)}…` : v;
  return cut.replace(CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The parameters the list reads. */
export const LIST_PARAM_KEYS = ["q", "path", "type", "outcome", "verdict", "mark", "sort", "dir", "page", "per", "after", "before"] as const;
const KNOWN_KEYS = new Set<string>(LIST_PARAM_KEYS);

/** A query string for the strict list (the API and the feed) as one value per key, or why not:
 *  a parameter the list does not read (a mistyped `verdcit=` would otherwise return
 *  everything) or one given twice (which of the two was meant is a guess). `ignore`: keys
 *  the caller drops itself. */
export function strictQuery(sp: URLSearchParams, ignore: (key: string) => boolean = () => false): { ok: true; raw: Record<string, string> } | { ok: false; error: string } {
  const raw: Record<string, string> = {};
  const given = new Set<string>();
  for (const [key, value] of sp) {
    if (ignore(key)) continue;
    const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
    if (!KNOWN_KEYS.has(key)) return { ok: false, error: `${JSON.stringify(shown)}: not a parameter of the list (it reads ${LIST_PARAM_KEYS.join(", ")})` };
    if (given.has(key)) return { ok: false, error: `${key}: given more than once; give it once` };
    given.add(key);
    // an empty value is no filter, as the list page's own form sends one (`type=&outcome=`)
    if (value !== "") raw[key] = value;
  }
  return { ok: true, raw };
}

export function parseListParamsStrict(raw: Record<string, string>): { ok: true; params: ListParams } | { ok: false; error: string } {
  const res = strictSchema.safeParse(raw);
  if (res.success) {
    const { after, before, sort } = res.data;
    if (after && before) return { ok: false, error: "after, before: give one of them, not both" };
    if (sort === "relevance" && !res.data.q) return { ok: false, error: "sort: relevance orders the matches of a search: give q too" };
    const c = after ?? before;
    const misfit = c && cursorMisfit(c, sort);
    if (misfit) return { ok: false, error: `${after ? "after" : "before"}: ${misfit} (follow the list's own next / previous links)` };
    const params = { ...res.data, q: res.data.q || undefined, path: res.data.path || undefined };
    const deep = offsetProblem(params);
    return deep ? { ok: false, error: `page: ${deep}` } : { ok: true, params };
  }
  const issue = res.error.issues[0];
  const key = String(issue?.path[0] ?? "");
  const value = raw[key];
  const got = JSON.stringify(value) ?? "nothing";
  // the count is the value's own characters, not its JSON's (quotes and escapes)
  return { ok: false, error: `${key}: ${issue?.message ?? "invalid"} (got ${got.length > 80 ? `${got.slice(0, 60)}... (${String(value).length} characters)` : got})` };
}

/** What is wrong with the list's free-text parameters, for `/`: the page shows this instead of
 *  quietly dropping a search the user typed (other mistyped values still fall back). */
/** The list page reads a link leniently (an unknown filter value is left out rather than
 *  failing the page); what it left out, each as `key=value: why`, so the page can say so. */
export function ignoredListParams(raw: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(raw)) {
    if (!KNOWN_KEYS.has(key)) out.push(`${shownText(key)}: not a parameter of the list`);
    else if (Array.isArray(raw[key]) && (raw[key] as unknown[]).length > 1) out.push(`${key}: given more than once; the first is used`);
  }
  // q and path are the page's own problem (listParamProblem): it shows why instead of the list
  for (const key of LIST_PARAM_KEYS.filter((k) => k !== "q" && k !== "path")) {
    const v = one(raw[key]);
    if (v === undefined || v === "") continue;
    const res = strictSchema.safeParse({ [key]: v });
    if (res.success) continue;
    out.push(`${key}=${shownText(String(v))}: ${res.error.issues[0]?.message ?? "invalid"}`);
  }
  // what each is right alone but the list still leaves out: fitCursors' choices
  const lax = listParamsSchema.safeParse(raw);
  if (!lax.success) return out;
  const fitted = fitCursors(lax.data);
  if (lax.data.sort === "relevance" && fitted.sort !== "relevance") out.push("sort=relevance: orders a search's matches, and there is no search (give q too)");
  const named = (k: "after" | "before") => out.some((m) => m.startsWith(`${k}=`));
  if (lax.data.after && !fitted.after && !named("after")) out.push("after: a position in a list sorted another way (follow the list's own next / previous links)");
  if (lax.data.before && !fitted.before && !named("before"))
    out.push(lax.data.after ? "before: given with after; after is followed" : "before: a position in a list sorted another way (follow the list's own next / previous links)");
  return out;
}

export function listParamProblem(raw: Record<string, unknown>): string | null {
  for (const key of ["q", "path"] as const) {
    const v = one(raw[key]);
    if (v === undefined) continue;
    const res = textParam.safeParse(v);
    if (!res.success) return `${key === "q" ? "search" : "path"}: ${res.error.issues[0]?.message ?? "invalid"}`;
  }
  return null;
}
