import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isRouteHandlerPath, PAGE_ALLOW, refuseUnansweredPageMethod } from "./page-methods";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(p) : e.name === "route.ts" ? [p] : [];
  });
}

function answer(method: string, url: string) {
  const out: { status?: number; headers?: Record<string, string>; body?: string } = {};
  const handled = refuseUnansweredPageMethod({ method, url }, {
    writeHead: (status, headers) => Object.assign(out, { status, headers }),
    end: (body) => Object.assign(out, { body }),
  });
  return { handled, ...out };
}

describe("isRouteHandlerPath", () => {
  it("knows the path of every route handler in app/", () => {
    const files = routeFiles("app");
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      // app/b/[id]/log.txt/route.ts -> /b/abc/log.txt
      const url = "/" + path.relative("app", path.dirname(f)).split(path.sep).map((s) => (s.startsWith("[") ? "abc123" : s)).join("/");
      expect(isRouteHandlerPath(url), url).toBe(true);
    }
  });
  it("does not take pages for route handlers", () => {
    for (const p of ["/", "/b/abc123", "/c/abc123", "/upload", "/signin", "/compare", "/b/abc123/logs", "/x", "/b/log"]) expect(isRouteHandlerPath(p), p).toBe(false);
  });
});

describe("refuseUnansweredPageMethod", () => {
  it("leaves GET, HEAD and POST of pages to Next", () => {
    for (const m of ["GET", "HEAD", "POST"]) expect(answer(m, "/b/abc123").handled).toBe(false);
  });
  it("answers PUT, PATCH and DELETE of a page with 405, Allow and a sentence", () => {
    for (const m of ["PUT", "PATCH", "DELETE"]) {
      const r = answer(m, "/b/abc123?tab=log");
      expect(r).toMatchObject({ handled: true, status: 405, headers: { Allow: PAGE_ALLOW } });
      expect(r.body).toBe(`${m} is not answered here: this URL takes GET, and POST from its own forms\n`);
    }
  });
  it("answers OPTIONS of a page with its Allow", () => {
    expect(answer("OPTIONS", "/")).toMatchObject({ handled: true, status: 204, headers: { Allow: PAGE_ALLOW } });
  });
  it("leaves route handlers their own methods", () => {
    for (const u of ["/api/bisections", "/feed.atom", "/b/abc123/log.txt", "/x/bisect.txt?x=1"]) expect(answer("PUT", u).handled).toBe(false);
  });
});
