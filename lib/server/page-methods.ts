// Pages answer GET and HEAD, and POST from their own forms (server actions). Next renders a page
// for any other method too (a PUT of /b/<id> came back 200 with the page), so scripts/serve.ts
// answers those here: 405 with Allow and a sentence, as the route handlers do
// (lib/server/methods.ts), and OPTIONS with the same Allow; on a path no page or route serves,
// 404 with a sentence (it was the pages' 405, "this URL takes GET"). Route handlers (app/**/route.ts)
// answer their own methods and are left to Next; page-methods.test.ts checks that every route
// file's path is one `isRouteHandlerPath` knows.

export const PAGE_ALLOW = "GET, HEAD, POST, OPTIONS";

interface NodeReq {
  method?: string;
  url?: string;
}
interface NodeRes {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body?: string): unknown;
}

/** Paths served by a route handler (or Next's own files) rather than a page. */
export function isRouteHandlerPath(pathname: string): boolean {
  if (pathname === "/api" || pathname.startsWith("/api/") || pathname.startsWith("/_next/")) return true;
  if (pathname === "/feed.atom" || pathname === "/favicon.ico") return true;
  const parts = pathname.split("/");
  // /x/<id>; /b/<id>/log and /b/<id>/log.txt
  if (parts.length === 3 && parts[1] === "x" && parts[2] !== "") return true;
  return parts.length === 4 && parts[1] === "b" && parts[2] !== "" && (parts[3] === "log" || parts[3] === "log.txt");
}

/** Files of public/, served by Next as they are (they take GET and HEAD, as pages do). */
export const PUBLIC_FILES = new Set(["/robots.txt"]);

/** Paths a page (a page.tsx under app/) or a file of public/ serves; page-methods.test.ts checks every
 *  page file's path is one. A method other than GET, HEAD and POST on any other path is a 404. */
export function isPagePath(pathname: string): boolean {
  if (pathname === "/" || pathname === "/upload" || pathname === "/signin" || pathname === "/compare" || PUBLIC_FILES.has(pathname)) return true;
  const parts = pathname.split("/");
  // /c/<hash>; /b/<id> and /b/<id>/files
  if (parts.length === 3 && (parts[1] === "b" || parts[1] === "c") && parts[2] !== "") return true;
  return parts.length === 4 && parts[1] === "b" && parts[2] !== "" && parts[3] === "files";
}

/** The path of a request target as Next routes it: the absolute form's path (`PUT
 *  http://host/api/x`), without the query, repeated slashes as one and no trailing slash (Next
 *  redirects `/feed.atom/` and `//api/x` to the route, whose own 405 then answers). */
export function pathOf(target: string): string {
  let t = target;
  const scheme = t.startsWith("http://") ? 7 : t.startsWith("https://") ? 8 : 0;
  if (scheme > 0) {
    const slash = t.indexOf("/", scheme);
    t = slash < 0 ? "/" : t.slice(slash);
  }
  const q = t.search(/[?#]/);
  if (q >= 0) t = t.slice(0, q);
  t = t.replace(/\/{2,}/g, "/");
  return t.length > 1 && t.endsWith("/") ? t.slice(0, -1) : t;
}

/** A path as a sentence may quote it: printable ASCII, at most 80 characters. */
function shown(path: string): string {
  const p = path.replace(/[^\x21-\x7e]/g, "?");
  return p.length > 80 ? `${p.slice(0, 80)}…` : p;
}

/** True when it answered and the request must not go on to Next. */
export function refuseUnansweredPageMethod(req: NodeReq, res: NodeRes): boolean {
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD" || method === "POST") return false;
  const path = pathOf(req.url ?? "/");
  if (isRouteHandlerPath(path)) return false;
  if (!isPagePath(path)) {
    // no page there, whatever the method: Next would render the page it does not have
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end(`${method} ${shown(path)}: no page or API here (pages: /, /b/<id>, /c/<hash>, /upload; the API: /api/bisections)\n`);
    return true;
  }
  if (method === "OPTIONS") {
    res.writeHead(204, { Allow: PAGE_ALLOW });
    res.end();
    return true;
  }
  res.writeHead(405, { Allow: PAGE_ALLOW, "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${method} is not answered here: this URL takes GET, and POST from its own forms\n`);
  return true;
}
