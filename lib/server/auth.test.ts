// Who may write: tokens, the loopback default, cross-site refusals. Pure: headers in, decision out.
import { describe, expect, it } from "vitest";
import { PEER_HEADER, TOKEN_COOKIE, authorizeWrite, isLoopback, writeTokens } from "./auth";

const post = (headers: Record<string, string>) => new Request("http://localhost:3000/api/bisections", { method: "POST", headers });
const local = { [PEER_HEADER]: "127.0.0.1", host: "localhost:3000" };
const remote = { [PEER_HEADER]: "203.0.113.7", host: "bisect.example.org" };
const TOKENS = { BISECTVIEW_UPLOAD_TOKEN: "alice:tok-alice-0123, bob:tok-bob-4567 ,bare-token-89ab" };

describe("BISECTVIEW_UPLOAD_TOKEN", () => {
  it("names each token: name:token, or token-<position> for a bare one", () => {
    expect(writeTokens(TOKENS)).toEqual([
      { name: "alice", token: "tok-alice-0123" },
      { name: "bob", token: "tok-bob-4567" },
      { name: "token-3", token: "bare-token-89ab" },
    ]);
    expect(writeTokens({})).toEqual([]);
    expect(writeTokens({ BISECTVIEW_UPLOAD_TOKEN: " , " })).toEqual([]);
    // a colon with no valid name before it belongs to the token
    expect(writeTokens({ BISECTVIEW_UPLOAD_TOKEN: ":abc,a b:c" })).toEqual([
      { name: "token-1", token: ":abc" },
      { name: "token-2", token: "a b:c" },
    ]);
  });
});

describe("without a token: loopback only", () => {
  it("takes 127.0.0.0/8 and ::1, as the server's own socket reports them", () => {
    for (const a of ["127.0.0.1", "127.9.8.7", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(a)).toBe(true);
    for (const a of ["10.0.0.1", "128.0.0.1", "::2", "", "127.0.0.256", "localhost"]) expect(isLoopback(a)).toBe(false);
    expect(authorizeWrite(post(local), { env: {} })).toEqual({ ok: true, who: "local", client: "ip:127.0.0.1" });
  });

  it("refuses another machine with 403 and says how to open uploads", () => {
    const res = authorizeWrite(post(remote), { env: {} });
    expect(res).toMatchObject({ ok: false, status: 403 });
    expect(!res.ok && res.error).toMatch(/only from its own machine.*BISECTVIEW_UPLOAD_TOKEN/);
    // a request that did not come through scripts/serve.ts has no peer address: refused too
    expect(authorizeWrite(post({}), { env: {} }).ok).toBe(false);
  });

  it("ignores a client's X-Forwarded-For unless BISECTVIEW_TRUST_PROXY says a proxy sets it", () => {
    expect(authorizeWrite(post({ ...remote, "x-forwarded-for": "127.0.0.1" }), { env: {} }).ok).toBe(false);
    // behind a proxy on this machine, the proxy's last entry is the real client
    const viaProxy = { ...local, "x-forwarded-for": "127.0.0.1, 198.51.100.2" };
    expect(authorizeWrite(post(viaProxy), { env: { BISECTVIEW_TRUST_PROXY: "1" } }).ok).toBe(false);
    expect(authorizeWrite(post({ ...local, "x-forwarded-for": "198.51.100.2, 127.0.0.1" }), { env: { BISECTVIEW_TRUST_PROXY: "1" } }).ok).toBe(true);
  });
});

describe("with tokens", () => {
  it("takes Authorization: Bearer from anywhere and says whose token it was", () => {
    expect(authorizeWrite(post({ ...remote, authorization: "Bearer tok-bob-4567" }), { env: TOKENS })).toEqual({ ok: true, who: "bob", client: "token:bob" });
    expect(authorizeWrite(post({ ...remote, authorization: "bearer bare-token-89ab" }), { env: TOKENS })).toMatchObject({ ok: true, who: "token-3" });
  });
  it("answers 401 without a token (even from loopback) and 403 for a wrong one", () => {
    const none = authorizeWrite(post(local), { env: TOKENS });
    expect(none).toMatchObject({ ok: false, status: 401 });
    expect(!none.ok && none.error).toMatch(/Authorization: Bearer <token>.*\/signin/);
    expect(authorizeWrite(post({ ...local, authorization: "Bearer tok-alice-0124" }), { env: TOKENS })).toMatchObject({ ok: false, status: 403 });
    expect(authorizeWrite(post({ ...local, authorization: "Basic dG9rLWFsaWNlLTAxMjM=" }), { env: TOKENS })).toMatchObject({ ok: false, status: 401 });
  });
  it("takes the form's token field or the sign-in cookie", () => {
    expect(authorizeWrite(post(remote), { env: TOKENS, token: " tok-alice-0123 " })).toMatchObject({ ok: true, who: "alice" });
    expect(authorizeWrite(post({ ...remote, cookie: `x=1; ${TOKEN_COOKIE}=tok-alice-0123` }), { env: TOKENS })).toMatchObject({ ok: true, who: "alice" });
    expect(authorizeWrite({ headers: { cookie: `${TOKEN_COOKIE}=nope` }, remoteAddress: "::1" }, { env: TOKENS })).toMatchObject({ ok: false, status: 403 });
  });
});

describe("cross-site writes", () => {
  it("refuses a cross-origin text/plain POST (what any web page can send) with 403", () => {
    const res = authorizeWrite(post({ ...local, origin: "http://evil.example", "content-type": "text/plain" }), { env: {} });
    expect(res).toMatchObject({ ok: false, status: 403 });
    expect(!res.ok && res.error).toMatch(/cross-site write refused.*Origin http:\/\/evil.example/);
    expect(authorizeWrite(post({ ...local, origin: "null" }), { env: {} }).ok).toBe(false);
    // another port of the same host is another origin
    expect(authorizeWrite(post({ ...local, origin: "http://localhost:8080" }), { env: {} }).ok).toBe(false);
  });
  it("refuses by Sec-Fetch-Site, even with a valid token", () => {
    expect(authorizeWrite(post({ ...local, "sec-fetch-site": "cross-site" }), { env: {} })).toMatchObject({ ok: false, status: 403 });
    expect(authorizeWrite(post({ ...remote, "sec-fetch-site": "same-site", authorization: "Bearer tok-bob-4567" }), { env: TOKENS })).toMatchObject({ ok: false, status: 403 });
  });
  it("takes the server's own pages and clients without a browser", () => {
    expect(authorizeWrite(post({ ...local, origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }), { env: {} }).ok).toBe(true);
    expect(authorizeWrite(post({ ...local, "sec-fetch-site": "none" }), { env: {} }).ok).toBe(true);
  });
});
