// The query as sent, read from the request state scripts/serve.ts keeps (a real AsyncLocalStorage
// under the same global symbol), and the fallback where there is none.
import { AsyncLocalStorage } from "node:async_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { REQUEST_STATE, type RequestState } from "./db-errors";
import { droppedParamNames, searchParamsAsSent, sentSearchParams } from "./sent-query";

const g = globalThis as { [REQUEST_STATE]?: AsyncLocalStorage<RequestState> };
const before = g[REQUEST_STATE];
const als = new AsyncLocalStorage<RequestState>();
g[REQUEST_STATE] = als;
afterAll(() => {
  g[REQUEST_STATE] = before;
});
const sent = <T>(target: string, f: () => T) => als.run({ target }, f);

describe("the query as sent", () => {
  it("is the recorded target's, __proto__ and all, without the fragment", () => {
    expect([...sent("/api/bisections?__proto__=1&q=kvm#x", () => sentSearchParams())!]).toEqual([["__proto__", "1"], ["q", "kvm"]]);
    expect([...sent("http://h:3000/feed.atom?a=1", () => sentSearchParams())!]).toEqual([["a", "1"]]);
    expect([...sent("/", () => sentSearchParams())!]).toEqual([]);
  });
  it("is the URL's own where no server recorded a target", () => {
    expect(sentSearchParams()).toBeNull();
    expect(searchParamsAsSent(new URL("http://h/api?q=1")).get("q")).toBe("1");
    expect(droppedParamNames({})).toEqual([]);
  });
  it("names what the page's searchParams lack, but Next's own _rsc", () => {
    // Next's searchParams of `/?__proto__=1&q=kvm&_rsc=abc`: q alone
    expect(sent("/?__proto__=1&q=kvm&_rsc=abc&q=again", () => droppedParamNames({ q: ["kvm", "again"] }))).toEqual(["__proto__"]);
    expect(sent("/?q=kvm", () => droppedParamNames({ q: "kvm" }))).toEqual([]);
  });
});
