// The headers every response carries (set by scripts/serve.ts through applySecurityHeaders). The CSP allows scripts and styles from
// this origin plus the inline scripts Next writes for hydration, which carry the request's
// nonce; nothing may frame a page. Inline style attributes stay allowed (style-src-attr): the
// timeline's bar widths are one, and an attribute cannot run code.

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    // React's development build evaluates source maps and call stacks with eval
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const STATIC_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // frame-ancestors for browsers that predate it
  "X-Frame-Options": "DENY",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** A fresh nonce per request: 16 random bytes, base64 (the form CSP's nonce-source takes). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The header Next reads its nonce from (a request-side CSP, as a proxy would set it), and
 *  the one the root layout reads for its own inline script. */
export const NONCE_HEADER = "x-nonce";

interface NodeReq {
  headers: Record<string, string | string[] | undefined>;
}
interface NodeRes {
  setHeader(name: string, value: string): unknown;
}

/** Called by scripts/serve.ts for every request before Next sees it. Done there rather than in
 *  a Next proxy (middleware): with a proxy, Next buffers every request body for it and cuts
 *  bodies past `proxyClientMaxBodySize` short without an error, after reading them whole. */
export function applySecurityHeaders(req: NodeReq, res: NodeRes): void {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);
  // replaces anything a client sent under these names
  req.headers[NONCE_HEADER] = nonce;
  req.headers["content-security-policy"] = csp;
  delete req.headers["content-security-policy-report-only"];
  res.setHeader("Content-Security-Policy", csp);
  for (const [k, v] of Object.entries(STATIC_SECURITY_HEADERS)) res.setHeader(k, v);
}
