import { describe, expect, it } from "vitest";
import { encodeCursor, ignoredListParams, listQuery, parseListParams, parseListParamsStrict, strictQuery } from "./list";

describe("list URL state", () => {
  it("parses a full query, enums checked", () => {
    expect(parseListParams({ q: " kvm ", path: "kernel/locking/", type: "cause", outcome: "found", verdict: "likely-wrong", sort: "title", dir: "asc", page: "3", per: "100" })).toEqual({
      q: "kvm",
      path: "kernel/locking/",
      type: "cause",
      outcome: "found",
      verdict: "likely-wrong",
      sort: "title",
      dir: "asc",
      page: 3,
      per: 100,
    });
  });
  it("falls back to defaults on bad values, so a stale link still opens", () => {
    const p = parseListParams({ type: "both", sort: "nonsense", dir: "up", page: "-4", per: "7", verdict: "maybe" });
    expect(p).toMatchObject({ type: undefined, sort: "uploaded", dir: "desc", page: 1, per: 50, verdict: undefined });
  });
  it("reads page and per as decimal numbers only", () => {
    for (const page of ["0x10", "1e2", " 2", "2.0", "+3", ""]) expect(parseListParams({ page }).page, page).toBe(1);
    expect(parseListParams({ page: "16" }).page).toBe(16);
    expect(parseListParams({ per: "0x64" }).per).toBe(50);
    expect(parseListParams({ per: "100" }).per).toBe(100);
    expect(ignoredListParams({ page: "0x10" })).toEqual(["page=0x10: must be a whole number"]);
    expect(parseListParamsStrict({ page: "0x10" })).toEqual({ ok: false, error: 'page: must be a whole number (got "0x10")' });
    expect(parseListParamsStrict({ per: "1e2" })).toEqual({ ok: false, error: 'per: must be one of 25, 50, 100, 200 (got "1e2")' });
    expect(parseListParamsStrict({ page: "-2" })).toEqual({ ok: false, error: 'page: must be at least 1 (got "-2")' });
  });
  it("takes the first of repeated parameters", () => {
    expect(parseListParams({ q: ["a", "b"] }).q).toBe("a");
  });
  it("writes short URLs that parse back to the same state", () => {
    const p = parseListParams({ q: "do_exit", sort: "tested", dir: "asc", page: "2" });
    expect(listQuery(p)).toBe("?q=do_exit&sort=tested&dir=asc&page=2");
    expect(parseListParams(Object.fromEntries(new URLSearchParams(listQuery(p).slice(1))))).toEqual(p);
    expect(listQuery(parseListParams({}))).toBe("");
  });
});

describe("strict list parameters (API and feed)", () => {
  it("refuses a mistyped filter with the parameter, the rule and the value", async () => {
    const { parseListParamsStrict } = await import("./list");
    expect(parseListParamsStrict({ outcome: "nope" })).toEqual({ ok: false, error: expect.stringMatching(/^outcome: .*\(got "nope"\)$/) });
    expect(parseListParamsStrict({ per: "3" })).toEqual({ ok: false, error: 'per: must be one of 25, 50, 100, 200 (got "3")' });
    expect(parseListParamsStrict({ verdict: "likely-wrong", path: "kernel/" })).toMatchObject({ ok: true, params: { verdict: "likely-wrong", path: "kernel/", per: 50 } });
  });
  it("refuses an offset page past row 10,000 unless a cursor carries it, and the page says so too", async () => {
    const { parseListParamsStrict, encodeCursor, offsetProblem } = await import("./list");
    expect(parseListParamsStrict({ page: "201" })).toMatchObject({ ok: true, params: { page: 201 } }); // rows 10,001-10,050
    expect(parseListParamsStrict({ page: "202" })).toEqual({ ok: false, error: expect.stringMatching(/^page: page 202 \(50 rows a page\) starts past row 10,000, .*follow the next links/) });
    expect(parseListParamsStrict({ page: "60", per: "200" })).toMatchObject({ ok: false });
    const at = encodeCursor({ key: null, at: new Date(0).toISOString(), id: "a1" });
    expect(parseListParamsStrict({ page: "5000", after: at })).toMatchObject({ ok: true, params: { page: 5000 } });
    expect(offsetProblem(parseListParams({ page: "100000" }))).toMatch(/past row 10,000/);
    expect(offsetProblem(parseListParams({ page: "100000", before: at }))).toBeNull();
  });
});

describe("ignoredListParams", () => {
  it("names parameters the list does not read, and repeated ones, with control characters escaped", () => {
    expect(ignoredListParams({ verdcit: "clean" })).toEqual(["verdcit: not a parameter of the list"]);
    expect(ignoredListParams({ verdict: ["clean", "doubtful"] })).toEqual(["verdict: given more than once; the first is used"]);
    expect(ignoredListParams({ page: "\u001b[31m" })).toEqual(["page=\\u001b[31m: must be a whole number"]);
    expect(ignoredListParams({ q: "a", page: "2", verdict: "clean" })).toEqual([]);
  });
  it("names each parameter the lenient list page leaves out, with why, and nothing of a good link", () => {
    expect(ignoredListParams({ type: "bogus", verdict: "clean" })).toEqual(['type=bogus: Invalid option: expected one of "cause"|"fix"']);
    expect(ignoredListParams({ sort: "title", page: "-1", per: "7" })).toEqual(["page=-1: must be at least 1", "per=7: must be one of 25, 50, 100, 200"]);
    expect(ignoredListParams({ after: "zzz" })[0]).toMatch(/^after=zzz: is not a position this list gave/);
    expect(ignoredListParams({ type: "cause", outcome: "found", verdict: "clean", mark: "wrong", sort: "ran", dir: "asc", page: "2", per: "100" })).toEqual([]);
    // each right alone, left out together (helper h25's review): a cursor of another sort, before beside after, best match without a search
    const tested = encodeCursor({ key: 15, at: "2024-01-01T00:00:00Z", id: "abc" });
    const uploaded = encodeCursor({ key: null, at: "2024-01-01T00:00:00Z", id: "abc" });
    expect(ignoredListParams({ after: tested })).toEqual(["after: a position in a list sorted another way (follow the list's own next / previous links)"]);
    expect(ignoredListParams({ sort: "tested", after: tested })).toEqual([]);
    expect(ignoredListParams({ after: uploaded, before: uploaded })).toEqual(["before: given with after; after is followed"]);
    expect(ignoredListParams({ sort: "relevance" })).toEqual(["sort=relevance: orders a search's matches, and there is no search (give q too)"]);
    expect(ignoredListParams({ sort: "relevance", q: "kvm_wait" })).toEqual([]);
    // a long value is cut in the message
    expect(ignoredListParams({ type: "x".repeat(100) })[0]).toMatch(/^type=x{40}…: /);
  });
});

describe("strictQuery", () => {
  it("gives one value per known key", () => {
    expect(strictQuery(new URLSearchParams("q=kvm&verdict=clean&per=25"))).toEqual({ ok: true, raw: { q: "kvm", verdict: "clean", per: "25" } });
  });
  it("refuses a parameter the list does not read, naming the ones it does", () => {
    const r = strictQuery(new URLSearchParams("verdcit=clean"));
    expect(r).toEqual({ ok: false, error: '"verdcit": not a parameter of the list (it reads q, path, type, outcome, verdict, mark, sort, dir, page, per, after, before)' });
    const long = strictQuery(new URLSearchParams(`${"k".repeat(500)}=1`));
    expect(!long.ok && long.error.startsWith(`"${"k".repeat(40)}…": not a parameter`)).toBe(true);
  });
  it("refuses a parameter given twice", () => {
    expect(strictQuery(new URLSearchParams("verdict=clean&verdict=doubtful"))).toEqual({ ok: false, error: "verdict: given more than once; give it once" });
  });
  it("drops the keys the caller ignores", () => {
    expect(strictQuery(new URLSearchParams("after=x&after=y&q=a"), (k) => k === "after" || k === "before")).toEqual({ ok: true, raw: { q: "a" } });
  });
  it("reads an empty value as no filter, as the list page's own form sends them", () => {
    expect(strictQuery(new URLSearchParams("q=&type=&outcome=&verdict=clean&mark="))).toEqual({ ok: true, raw: { verdict: "clean" } });
    expect(strictQuery(new URLSearchParams("type=&type=cause"))).toEqual({ ok: false, error: "type: given more than once; give it once" });
  });
  it("says at most 100000 for a page of hundreds of digits, not Infinity", () => {
    expect(parseListParamsStrict({ page: "9".repeat(400) })).toMatchObject({ ok: false, error: expect.stringMatching(/^page: must be at most 100000 \(got "9{59}\.\.\. \(400 characters\)\)$/) });
  });
});
