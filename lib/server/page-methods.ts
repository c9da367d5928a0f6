// Pages answer GET and HEAD, and POST from their own forms (server actions). Next renders a page
// for any other method too (a PUT of /b/<id> came back 200 with the page), so scripts/serve.ts
// answers those here: 405 with Allow and a sentence, as the route handlers do
// (lib/server/methods.ts), and OPTIONS with the same Allow. Route handlers (app/**/route.ts)
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

/** True when it answered and the request must not go on to Next. */
export function refuseUnansweredPageMethod(req: NodeReq, res: NodeRes): boolean {
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD" || method === "POST") return false;
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  if (isRouteHandlerPath(q < 0 ? url : url.slice(0, q))) return false;
  if (method === "OPTIONS") {
    res.writeHead(204, { Allow: PAGE_ALLOW });
    res.end();
    return true;
  }
  res.writeHead(405, { Allow: PAGE_ALLOW, "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${method} is not answered here: this URL takes GET, and POST from its own forms\n`);
  return true;
}
