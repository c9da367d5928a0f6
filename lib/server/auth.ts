// Who may write. Reads are public; writes (the upload API, the upload form) need one of the
// tokens in BISECTVIEW_UPLOAD_TOKEN, or, when none is set, a client on this machine (loopback).
// Cross-site posts are refused either way, so a web page a developer opens cannot post to
// their local instance. No imports from Next or the database: scripts/serve.ts and the route
// handlers, server actions and pages all use it.
import { createHash, timingSafeEqual } from "node:crypto";

/** Set by scripts/serve.ts from the socket (any client-sent value is removed first). */
export const PEER_HEADER = "x-bisectview-peer";
/** The sign-in cookie (HttpOnly, SameSite=Strict): holds the token itself. */
export const TOKEN_COOKIE = "bisectview_token";

type Env = Record<string, string | undefined>;

export interface WriteToken {
  /** who the token belongs to, as marks and logs show it */
  name: string;
  token: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** `BISECTVIEW_UPLOAD_TOKEN="alice:tok1,bob:tok2,tok3"`: comma-separated, each `name:token`
 *  or a bare token, which is named after its position (`token-3`). Empty entries are skipped. */
export function writeTokens(env: Env = process.env): WriteToken[] {
  const raw = env.BISECTVIEW_UPLOAD_TOKEN ?? "";
  const out: WriteToken[] = [];
  raw.split(",").forEach((entry, i) => {
    const e = entry.trim();
    if (!e) return;
    const colon = e.indexOf(":");
    const name = colon > 0 ? e.slice(0, colon) : "";
    if (name && NAME.test(name) && colon < e.length - 1) out.push({ name, token: e.slice(colon + 1) });
    else out.push({ name: `token-${i + 1}`, token: e });
  });
  return out;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** The token's owner, compared in constant time; null for an unknown token. */
export function tokenOwner(token: string, tokens: WriteToken[]): string | null {
  const d = digest(token);
  let who: string | null = null;
  for (const t of tokens) if (timingSafeEqual(d, digest(t.token)) && who === null) who = t.name;
  return who;
}

export type WriteAuth =
  | { ok: true; who: string; client: string }
  | { ok: false; status: 401 | 403; error: string };

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;
export type WriteRequest = Request | { headers: HeaderSource; remoteAddress?: string | null };

function header(h: HeaderSource, name: string): string | null {
  if (typeof h.get === "function") return (h as { get(name: string): string | null }).get(name);
  const r = h as Record<string, string | string[] | undefined>;
  const v = r[name] ?? r[name.toLowerCase()];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms. */
export function isLoopback(addr: string | null | undefined): boolean {
  if (!addr) return false;
  const a = addr.trim().toLowerCase().replace(/^::ffff:/, "");
  if (a === "::1" || a === "0:0:0:0:0:0:0:1") return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  return m !== null && m.slice(1).every((x) => Number(x) <= 255);
}

const trustProxy = (env: Env) => ["1", "true", "yes"].includes((env.BISECTVIEW_TRUST_PROXY ?? "").toLowerCase());

/** The client's address: the socket's, or with BISECTVIEW_TRUST_PROXY the address the proxy
 *  in front appended last to X-Forwarded-For (earlier entries are the client's own say). */
export function clientAddress(req: WriteRequest, env: Env = process.env): string | null {
  const h = req.headers;
  if (trustProxy(env)) {
    const xff = header(h, "x-forwarded-for");
    const last = xff?.split(",").pop()?.trim();
    if (last) return last;
  }
  if (!(req instanceof Request) && req.remoteAddress) return req.remoteAddress;
  return header(h, PEER_HEADER);
}

function cookie(h: HeaderSource, name: string): string | null {
  const raw = header(h, "cookie");
  if (!raw) return null;
  for (const part of raw.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** A browser tells us where a request comes from: Sec-Fetch-Site, else Origin against Host. */
function crossSite(h: HeaderSource, env: Env): string | null {
  const site = header(h, "sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `Sec-Fetch-Site is ${site}`;
  const origin = header(h, "origin");
  if (origin === null) return null;
  const host = (trustProxy(env) && header(h, "x-forwarded-host")?.split(",")[0]?.trim()) || header(h, "host");
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (!originHost || !host || originHost.toLowerCase() !== host.toLowerCase()) return `Origin ${origin} is not this server (${host ?? "no Host"})`;
  return null;
}

const bearer = (h: HeaderSource) => /^Bearer[ ]+(\S+)[ ]*$/i.exec(header(h, "authorization") ?? "")?.[1] ?? null;

/** May this request write? `opts.token` is a token the caller read from a form field. */
export function authorizeWrite(req: WriteRequest, opts: { token?: string | null; env?: Env } = {}): WriteAuth {
  const env = opts.env ?? process.env;
  const h = req.headers;
  const cross = crossSite(h, env);
  if (cross) {
    return { ok: false, status: 403, error: `cross-site write refused (${cross}): upload from this server's own /upload page, or from a script without a browser (curl)` };
  }
  const tokens = writeTokens(env);
  if (tokens.length > 0) {
    const given = bearer(h) ?? (opts.token?.trim() || null) ?? cookie(h, TOKEN_COOKIE);
    if (!given) {
      return { ok: false, status: 401, error: "this server takes uploads with a token: send `Authorization: Bearer <token>` (ask the server's operator for one), or sign in at /signin" };
    }
    const who = tokenOwner(given, tokens);
    if (!who) return { ok: false, status: 403, error: "the upload token is not one this server accepts: check it with the server's operator (BISECTVIEW_UPLOAD_TOKEN)" };
    return { ok: true, who, client: `token:${who}` };
  }
  const addr = clientAddress(req, env);
  if (isLoopback(addr)) return { ok: true, who: "local", client: `ip:${addr}` };
  return {
    ok: false,
    status: 403,
    error: `this server has no upload token set, so it takes uploads only from its own machine (loopback), not from ${addr ?? "an unknown address"}: its operator can set BISECTVIEW_UPLOAD_TOKEN to accept uploads with a token`,
  };
}
