// Next 16 renders the not-found boundary of a dynamic page (`notFound()` in /b/<id>) on the
// client only: the 404 arrives with an empty <body>, blank without JavaScript. A request for
// a route Next does not have is rendered whole on the server. So the server (scripts/serve.ts)
// asks first whether the thing a page would show exists, and when it does not, sends the
// request to an unrouted path with a header naming what is missing; app/not-found.tsx says so.
import type { IncomingMessage } from "node:http";

export const MISSING_HEADER = "x-bisectview-missing";
/** A path no route serves, so Next answers with the root not-found page and status 404. */
export const MISSING_PATH = "/_missing";

export type Missing = { kind: "bisection"; id: string } | { kind: "commit"; hash: string } | { kind: "compare"; ids: string[] };

export interface Lookup {
  bisectionExists(id: string): Promise<boolean>;
  commitExists(prefix: string): Promise<boolean>;
}

const BISECTION_PAGE = /^\/b\/([^/]*)(?:\/log|\/files)?\/?$/;
const COMMIT_PAGE = /^\/c\/([^/]*)\/?$/;
const ID = /^[0-9a-f]{12}$/;
const HASH = /^[0-9a-f]{7,40}$/;

function decode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/** What a page request would find missing, or null when it exists (or is not such a page). */
export async function findMissing(method: string, url: string, lookup: Lookup): Promise<Missing | null> {
  if (method !== "GET" && method !== "HEAD") return null;
  const u = new URL(url, "http://x");
  let m = BISECTION_PAGE.exec(u.pathname);
  if (m) {
    const id = decode(m[1]) ?? "";
    return ID.test(id) && (await lookup.bisectionExists(id)) ? null : { kind: "bisection", id };
  }
  m = COMMIT_PAGE.exec(u.pathname);
  if (m) {
    const hash = (decode(m[1]) ?? "").toLowerCase();
    return HASH.test(hash) && (await lookup.commitExists(hash)) ? null : { kind: "commit", hash };
  }
  if (u.pathname === "/compare" || u.pathname === "/compare/") {
    const ids = [u.searchParams.get("a"), u.searchParams.get("b")];
    // without two well-formed ids the page explains its parameters itself
    if (!ids.every((id): id is string => id !== null && ID.test(id))) return null;
    const gone = [];
    for (const id of new Set(ids)) if (!(await lookup.bisectionExists(id))) gone.push(id);
    return gone.length ? { kind: "compare", ids: gone } : null;
  }
  return null;
}

/** Header value for app/not-found.tsx: plain printable text only. */
export function encodeMissing(m: Missing): string {
  const what = m.kind === "bisection" ? m.id : m.kind === "commit" ? m.hash : m.ids.join(",");
  return `${m.kind}:${what.replace(/[^\x20-\x7e]/g, "").slice(0, 80)}`;
}

export function decodeMissing(v: string | null): { kind: string; what: string } | null {
  if (!v) return null;
  const i = v.indexOf(":");
  return i < 0 ? null : { kind: v.slice(0, i), what: v.slice(i + 1) };
}

/** Rewrites the request in place when the page it asks for would be a 404. Client-side
 *  navigations (RSC requests) are left to Next, which renders not-found in the browser. */
export async function routeMissingPages(req: IncomingMessage, lookup: Lookup): Promise<void> {
  delete req.headers[MISSING_HEADER];
  if (req.headers.rsc !== undefined) return;
  const missing = await findMissing(req.method ?? "GET", req.url ?? "/", lookup);
  if (!missing) return;
  req.headers[MISSING_HEADER] = encodeMissing(missing);
  req.url = MISSING_PATH;
}
