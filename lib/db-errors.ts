// "The database is down" as one recognisable condition. Prisma (through @prisma/adapter-pg),
// node-postgres and the socket layer each say it their own way; `databaseUnavailableReason`
// reads all of them, so route handlers answer 503 with a JSON {error}, pages show a readable
// "database unavailable, retrying" page, /api/health says what is down, and the CLI stops
// with one line. Nothing here holds a connection: the pg pool opens new ones on the next
// query, so service resumes by itself when PostgreSQL is back.

/** Prisma error codes that mean the server could not be reached or dropped us. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1011", "P1017", "P2024"]);
/** @prisma/driver-adapter-utils error kinds with the same meaning. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);
/** Socket errors from node-postgres. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
/** SQLSTATEs: admin/crash shutdown, cannot connect now (starting or stopping), too many connections. */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
const MESSAGES = ["Connection terminated", "Can't reach database server", "Server has closed the connection", "connection is insecure", "timeout exceeded when trying to connect", "Client has encountered a connection error"];

export const DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

export class DatabaseUnavailable extends Error {
  /** React/Next keep an error's own digest, so an error boundary can still tell what this was */
  readonly digest = DATABASE_UNAVAILABLE;
  constructor(readonly reason: string) {
    super(`database unavailable: ${reason}`);
    this.name = "DatabaseUnavailable";
  }
}

type Loose = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown; reason?: unknown };

function lastLine(s: string): string {
  const lines = s.split("\n").map((l) => l.trim()).filter(Boolean);
  return (lines[lines.length - 1] ?? s).slice(0, 300);
}

/** Why the database is unavailable, when `e` says so; null for any other error. */
export function databaseUnavailableReason(e: unknown): string | null {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  for (let depth = 0; depth < 6 && cur && typeof cur === "object" && !seen.has(cur); depth++) {
    seen.add(cur);
    const x = cur as Loose;
    if (cur instanceof DatabaseUnavailable) return cur.reason;
    const msg = typeof x.message === "string" ? x.message : "";
    const code = typeof x.code === "string" ? x.code : "";
    const adapter = (x.meta as { driverAdapterError?: { cause?: Loose } } | undefined)?.driverAdapterError?.cause;
    if (adapter && typeof adapter.kind === "string") {
      if (ADAPTER_KINDS.has(adapter.kind)) {
        const where = (adapter as { host?: string; port?: number }).host ? ` at ${(adapter as { host?: string }).host}:${(adapter as { port?: number }).port}` : "";
        return adapter.kind === "DatabaseNotReachable" ? `cannot reach the database server${where}` : `${adapter.kind}${msg ? ` (${lastLine(msg)})` : ""}`;
      }
      if (adapter.kind === "postgres" && typeof adapter.code === "string" && (SQLSTATES.has(adapter.code) || adapter.code.startsWith("08"))) {
        return `${adapter.code} ${typeof adapter.message === "string" ? adapter.message : lastLine(msg)}`;
      }
    }
    if (PRISMA_CODES.has(code)) return lastLine(msg) || code;
    if (SOCKET_CODES.has(code)) return msg || code;
    if (SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return `${code} ${msg}`;
    if (msg && MESSAGES.some((m) => msg.includes(m))) return lastLine(msg);
    if (typeof x.kind === "string" && ADAPTER_KINDS.has(x.kind)) return x.kind;
    cur = x.cause;
  }
  return null;
}

/** `e` as a DatabaseUnavailable when it is one, else `e` unchanged. */
export function asDatabaseError(e: unknown): unknown {
  const reason = databaseUnavailableReason(e);
  return reason === null || e instanceof DatabaseUnavailable ? e : new DatabaseUnavailable(reason);
}

// ---- the HTTP status of a page render that hit an outage
// scripts/serve.ts runs each request in an AsyncLocalStorage kept on globalThis under this
// symbol; a page that renders the "database unavailable" view marks it, and the server then
// answers 503 (a server component cannot set its own status).
export const REQUEST_STATE = Symbol.for("bisectview.requestState");
export interface RequestState {
  databaseUnavailable?: string;
  /** the queries the request asked Prisma for, with their arguments (BISECTVIEW_QUERY_LOG only) */
  queries?: string[];
  /** the request target as the client sent it (lib/sent-query.ts) */
  target?: string;
}

/** This request's state, when scripts/serve.ts runs it (not in unit tests or `next dev` alone). */
export function requestState(): RequestState | undefined {
  const als = (globalThis as { [REQUEST_STATE]?: { getStore(): RequestState | undefined } })[REQUEST_STATE];
  return als?.getStore();
}

/** Notes a query against the request asking for it (lib/db.ts calls it when BISECTVIEW_QUERY_LOG
 *  is set; scripts/serve.ts writes each request's list to that file). */
export function noteQuery(query: string): void {
  const als = (globalThis as { [REQUEST_STATE]?: { getStore(): RequestState | undefined } })[REQUEST_STATE];
  als?.getStore()?.queries?.push(query);
}

export function markDatabaseUnavailable(reason: string): void {
  const als = (globalThis as { [REQUEST_STATE]?: { getStore(): RequestState | undefined } })[REQUEST_STATE];
  const store = als?.getStore();
  if (store) store.databaseUnavailable = reason;
}

/** JSON 503 for the API: `{error}` with Retry-After. */
export function databaseUnavailableResponse(reason: string): Response {
  return Response.json(
    { error: `database unavailable: ${reason}; retry shortly` },
    { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
  );
}

/** Wraps a route handler: an outage becomes a 503 JSON answer instead of an empty 500. */
export function withDatabase<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (e) {
      const reason = databaseUnavailableReason(e);
      if (reason === null) throw e;
      console.error(`[bisectview] database unavailable: ${reason}`);
      return databaseUnavailableResponse(reason);
    }
  };
}
