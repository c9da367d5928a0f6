// The origin links to this server are built from (API `url`, Atom entries, the curl example):
// `BISECTVIEW_PUBLIC_URL` when set (the address users know, behind whatever proxy), else the
// forwarded host when `BISECTVIEW_TRUST_PROXY=1` says a proxy sets it, else the request's own
// Host header. Never `localhost:<port>` for a request that came in under another name.

import { trustProxy } from "./auth";

const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/;

interface HeaderSource {
  get(name: string): string | null;
}

function configured(env: Record<string, string | undefined>): string | null {
  const raw = env.BISECTVIEW_PUBLIC_URL?.trim();
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if (u.protocol !== "http:" && u.protocol !== "https:") return null;
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return null;
  }
}

/** `https://bisect.example.org` (no trailing slash) for links in responses to this request. */
export function publicOrigin(headers: HeaderSource, requestUrl: string, env: Record<string, string | undefined> = process.env): string {
  const fixed = configured(env);
  if (fixed) return fixed;
  if (trustProxy(env)) {
    const host = headers.get("x-forwarded-host")?.split(",")[0].trim();
    const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim();
    if (host && HOST.test(host)) return `${proto === "http" ? "http" : "https"}://${host}`;
  }
  const host = headers.get("host");
  const own = new URL(requestUrl);
  if (host && HOST.test(host)) return `${own.protocol}//${host}`;
  return own.origin;
}
