import { describe, expect, it } from "vitest";
import { publicOrigin } from "./public-url";

const h = (o: Record<string, string>) => new Headers(o);

describe("publicOrigin", () => {
  it("uses BISECTVIEW_PUBLIC_URL when set, without a trailing slash", () => {
    expect(publicOrigin(h({ host: "localhost:3000" }), "http://localhost:3000/feed.atom", { BISECTVIEW_PUBLIC_URL: "https://bisect.example.org/" })).toBe("https://bisect.example.org");
    expect(publicOrigin(h({}), "http://localhost:3000/x", { BISECTVIEW_PUBLIC_URL: "https://example.org/bisectview/" })).toBe("https://example.org/bisectview");
  });

  it("uses the Host the client asked for rather than the server's own name", () => {
    expect(publicOrigin(h({ host: "bisect.lan:3000" }), "http://localhost:3000/feed.atom", {})).toBe("http://bisect.lan:3000");
  });

  it("trusts forwarded headers only when told to", () => {
    const fwd = h({ host: "127.0.0.1:3000", "x-forwarded-host": "bisect.example.org", "x-forwarded-proto": "https" });
    expect(publicOrigin(fwd, "http://127.0.0.1:3000/", {})).toBe("http://127.0.0.1:3000");
    expect(publicOrigin(fwd, "http://127.0.0.1:3000/", { BISECTVIEW_TRUST_PROXY: "1" })).toBe("https://bisect.example.org");
  });

  it("ignores a malformed Host or public URL", () => {
    expect(publicOrigin(h({ host: "evil.org/<script>" }), "http://localhost:3000/", {})).toBe("http://localhost:3000");
    expect(publicOrigin(h({ host: "a.org" }), "http://localhost:3000/", { BISECTVIEW_PUBLIC_URL: "javascript:alert(1)" })).toBe("http://a.org");
  });
});
