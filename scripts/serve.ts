// Starts Bisectview: the database (embedded PostgreSQL unless DATABASE_URL is set), pending
// migrations, then Next.js in this same process, so one signal stops everything cleanly.
import { AsyncLocalStorage } from "node:async_hooks";
import { appendFileSync } from "node:fs";
import { createServer, maxHeaderSize, type ServerResponse } from "node:http";
import { availableParallelism } from "node:os";
import v8 from "node:v8";
import next from "next";
import { ensureDatabase } from "../lib/server/database";
import { REQUEST_STATE, type RequestState } from "../lib/db-errors";
import { createGate } from "../lib/server/gate";
import { PEER_HEADER } from "../lib/server/auth";
import { applySecurityHeaders } from "../lib/server/security-headers";
import { refuseOversizedFormPost } from "../lib/server/form-body-cap";
import { refuseUnansweredPageMethod } from "../lib/server/page-methods";
import { routeMissingPages } from "../lib/server/missing-pages";
import { prismaLookup } from "../lib/server/missing-lookup";
import { getPrisma } from "../lib/db";
import { JUDGE_VERSION } from "../lib/analysis/version";
import { rejudgeStale, staleJudgements } from "../lib/ingest/rejudge";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "localhost";
const say = (s: string) => console.log(`[bisectview] ${s}`);
// requests handled at once (the rest wait in order, up to BISECTVIEW_MAX_QUEUE, then 503)
// (renders are CPU-bound: about 1.5 per core; 3 on the 2-core machine of BENCHMARKS.md)
const maxActive = Number(process.env.BISECTVIEW_MAX_ACTIVE ?? Math.max(2, Math.round(availableParallelism() * 1.5)));
const maxQueue = Number(process.env.BISECTVIEW_MAX_QUEUE ?? 2000);
// V8 lets the old generation grow to a few times what survived its last full collection (up to
// 4x with the large heap limit of a big machine) before collecting again: under a burst of
// renders that is hundreds of MB of garbage. A fixed growth factor of 1 + N/100 collects sooner;
// it is not a cap (the heap limit stays, so one 10 MiB upload still fits). BENCHMARKS.md "Load".
const heapGrowth = Number(process.env.BISECTVIEW_HEAP_GROWTH ?? 50);
if (heapGrowth > 0) v8.setFlagsFromString(`--heap-growing-percent=${Math.round(heapGrowth)}`);
/** never queued: liveness must answer while pages are busy, and static files are cheap */
const queryLog = process.env.BISECTVIEW_QUERY_LOG;
const ungated = (url: string) => url.startsWith("/_next/static/") || url === "/api/health" || url.startsWith("/api/health?") || url === "/favicon.ico";

async function main() {
  const db = await ensureDatabase(say, "server");
  process.env.DATABASE_URL = db.url;
  const app = next({ dev, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const lookup = prismaLookup(getPrisma);
  // A page that rendered the "database unavailable" view marks its request (lib/page-guard.tsx);
  // its status then becomes 503 with Retry-After, since a server component cannot set one.
  const requests = new AsyncLocalStorage<RequestState>();
  const gate = createGate(maxActive, maxQueue);
  (globalThis as { [REQUEST_STATE]?: AsyncLocalStorage<RequestState> })[REQUEST_STATE] = requests;
  const server = createServer((req, res) => {
    // the socket's address, for the loopback rule of lib/server/auth.ts; a client's own value goes
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    applySecurityHeaders(req, res);
    if (refuseUnansweredPageMethod(req, res) || refuseOversizedFormPost(req, res)) return;
    // the target as sent, before routeMissingPages rewrites it (lib/sent-query.ts reads it)
    const state: RequestState = { target: req.url ?? "/" };
    if (queryLog) {
      // BISECTVIEW_QUERY_LOG: one JSON line per request with the queries it asked for (lib/db.ts)
      state.queries = [];
      res.once("finish", () => appendFileSync(queryLog, `${JSON.stringify({ method: req.method, url: req.url, status: res.statusCode, queries: state.queries })}\n`));
    }
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
    res.writeHead = ((code: number, ...rest: unknown[]) => {
      if (state.databaseUnavailable !== undefined && code === 200) {
        res.setHeader("Retry-After", "5");
        res.setHeader("Cache-Control", "no-store");
        return writeHead(503, ...rest);
      }
      return writeHead(code, ...rest);
    }) as typeof res.writeHead;
    // a missing bisection's 404 must read without JavaScript; if the lookup fails (database
    // down), the page itself answers
    const run = () =>
      requests.run(state, () => {
        void routeMissingPages(req, lookup)
          .catch(() => {})
          .then(() => handle(req, res));
      });
    if (ungated(req.url ?? "/")) return run();
    let left = false;
    const accepted = gate.enter(() => {
      res.once("close", () => {
        if (!left) (left = true), gate.leave();
      });
      if (res.destroyed) {
        left = true;
        gate.leave(); // the client went away while it waited
        return;
      }
      run();
    });
    if (!accepted) {
      res.writeHead(503, { "Content-Type": "application/json", "Retry-After": "2", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ error: `server busy: ${gate.active} requests in progress and ${gate.queued} waiting; retry shortly` }));
    }
  });
  // a request Node refuses before any handler (headers or URL past its 16 KiB, bad HTTP): the
  // status with a sentence, where Node would send the status alone
  server.on("clientError", (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy();
    const [status, why] =
      err.code === "HPE_HEADER_OVERFLOW"
        ? ["431 Request Header Fields Too Large", `the request's URL and headers are over ${maxHeaderSize} bytes; a search or filter that long is not read (the search box takes 200 characters)`]
        : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
          ? ["408 Request Timeout", "the request did not arrive in time"]
          : ["400 Bad Request", "the request is not HTTP this server can read"];
    socket.end(`HTTP/1.1 ${status}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(why) + 1}\r\n\r\n${why}\n`);
  });
  server.listen(port, hostname, () => say(`ready on http://${hostname}:${port}`));
  let stopping = false;
  // Bisections an older judge gave their verdict are re-judged from their stored logs in the
  // background, one log at a time between requests (BISECTVIEW_REJUDGE=0 leaves them; `npm run
  // cli -- rejudge` does it offline). Pages show the stored verdict until their row is done.
  if (process.env.BISECTVIEW_REJUDGE !== "0") void rejudgeInBackground(() => stopping);
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    server.close();
    await db.stop().catch(() => {});
    process.exit(0);
  };
  for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(s, () => void shutdown(s));
}

async function rejudgeInBackground(stop: () => boolean) {
  try {
    const prisma = getPrisma();
    const stale = await staleJudgements(prisma);
    if (stale === 0) return;
    say(`re-judging ${stale} bisections judged before judge version ${JUDGE_VERSION}, in the background`);
    const t0 = Date.now();
    const p = await rejudgeStale(prisma, { stop });
    for (const r of p.refused) say(`re-judge: ${r.id}: the parser now refuses its log (${r.reason}); its verdict is kept`);
    say(`re-judged ${p.rejudged} bisections (${p.changed} verdicts changed) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    say(`re-judge stopped: ${e instanceof Error ? e.message : String(e)} (the next start goes on)`);
  }
}

main().catch((e) => {
  console.error(`[bisectview] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
