import { describe, expect, it } from "vitest";
import { encodeCursor, ignoredListParams, listQuery, parseListParams } from "./list";

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
