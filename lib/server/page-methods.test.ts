import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isPagePath, isRouteHandlerPath, PAGE_ALLOW, pathOf, PUBLIC_FILES, refuseUnansweredPageMethod } from "./page-methods";

function filesNamed(dir: string, name: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesNamed(p, name) : e.name === name ? [p] : [];
  });
}

/** app/b/[id]/log.txt/route.ts -> /b/abc123/log.txt */
const urlOf = (file: string) => "/" + path.relative("app", path.dirname(file)).split(path.sep).filter(Boolean).map((s) => (s.startsWith("[") ? "abc123" : s)).join("/");

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
    const files = filesNamed("app", "route.ts");
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) expect(isRouteHandlerPath(urlOf(f)), urlOf(f)).toBe(true);
  });
  it("does not take any page in app/ for a route handler", () => {
    const pages = filesNamed("app", "page.tsx").map(urlOf);
    expect(pages).toEqual(expect.arrayContaining(["/", "/b/abc123", "/b/abc123/files", "/upload"]));
    for (const p of [...pages, "/b/abc123/logs", "/x", "/b/log"]) expect(isRouteHandlerPath(p), p).toBe(false);
  });
});

describe("isPagePath", () => {
  it("knows the path of every page in app/ and every file of public/, and of no route handler", () => {
    const pages = filesNamed("app", "page.tsx").map(urlOf);
    expect(pages.length).toBeGreaterThan(5);
    for (const p of pages) expect(isPagePath(p), p).toBe(true);
    const pub = readdirSync("public").map((f) => `/${f}`);
    expect(pub).toContain("/robots.txt");
    expect([...PUBLIC_FILES].sort()).toEqual(pub.sort());
    for (const f of filesNamed("app", "route.ts")) expect(isPagePath(urlOf(f)), urlOf(f)).toBe(false);
  });
  it("is false for paths nothing serves", () => {
    for (const p of ["/nonexistent", "/b", "/b/abc123/logs", "/b/abc123/files/x", "/c", "/c/abc/def", "/upload/x", "/robots.txt/x"]) expect(isPagePath(p), p).toBe(false);
  });
});

describe("refuseUnansweredPageMethod", () => {
  it("answers another method on a path no page or route serves with 404 and a sentence naming it", () => {
    for (const m of ["PUT", "PATCH", "DELETE", "OPTIONS"]) {
      const r = answer(m, "/nonexistent?x=1");
      expect(r, m).toMatchObject({ handled: true, status: 404 });
      expect(r.body).toBe(`${m} /nonexistent: no page or API here (pages: /, /b/<id>, /c/<hash>, /upload; the API: /api/bisections)\n`);
    }
    // a hostile path is quoted printable and short
    const r = answer("PUT", `/${"\u001b[31m".repeat(3)}${"a".repeat(200)}`);
    expect(r.status).toBe(404);
    expect(r.body).toMatch(/^PUT \/\?\[31m\?\[31m\?\[31ma+…: no page/);
    expect(r.body!.length).toBeLessThan(200);
    // GET and POST of it are Next's own 404 page
    for (const m of ["GET", "HEAD", "POST"]) expect(answer(m, "/nonexistent").handled).toBe(false);
  });
  it("answers PUT of robots.txt as of a page", () => {
    expect(answer("PUT", "/robots.txt")).toMatchObject({ handled: true, status: 405 });
  });
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
  it("leaves route handlers their own methods, however the target spells their path", () => {
    for (const u of ["/api/bisections", "/feed.atom", "/b/abc123/log.txt", "/x/bisect.txt?x=1", "/feed.atom/", "//api/bisections", "/b/abc123/log.txt/", "/x/abc/", "http://h:3000/api/bisections", "https://h/feed.atom?q=1"])
      expect(answer("PUT", u).handled, u).toBe(false);
    expect(answer("PUT", "http://h:3000/b/abc123").handled).toBe(true);
  });
  it("reads a request target's path as Next routes it", () => {
    expect(pathOf("http://h:3000")).toBe("/");
    expect(pathOf("/a//b/?q=//x")).toBe("/a/b");
    expect(pathOf("/")).toBe("/");
    expect(pathOf("/a#frag")).toBe("/a");
  });
});
