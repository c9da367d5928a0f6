// Starts Bisectview: the database (embedded PostgreSQL unless DATABASE_URL is set), pending
// migrations, then Next.js in this same process, so one signal stops everything cleanly.
import { AsyncLocalStorage } from "node:async_hooks";
import { createServer, type ServerResponse } from "node:http";
import next from "next";
import { ensureDatabase } from "../lib/server/database";
import { REQUEST_STATE, type RequestState } from "../lib/db-errors";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "localhost";
const say = (s: string) => console.log(`[bisectview] ${s}`);

async function main() {
  const db = await ensureDatabase(say, "server");
  process.env.DATABASE_URL = db.url;
  const app = next({ dev, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  // A page that rendered the "database unavailable" view marks its request (lib/page-guard.tsx);
  // its status then becomes 503 with Retry-After, since a server component cannot set one.
  const requests = new AsyncLocalStorage<RequestState>();
  (globalThis as { [REQUEST_STATE]?: AsyncLocalStorage<RequestState> })[REQUEST_STATE] = requests;
  const server = createServer((req, res) => {
    const state: RequestState = {};
    const writeHead = res.writeHead.bind(res) as (...a: unknown[]) => ServerResponse;
    res.writeHead = ((code: number, ...rest: unknown[]) => {
      if (state.databaseUnavailable !== undefined && code === 200) {
        res.setHeader("Retry-After", "5");
        res.setHeader("Cache-Control", "no-store");
        return writeHead(503, ...rest);
      }
      return writeHead(code, ...rest);
    }) as typeof res.writeHead;
    requests.run(state, () => void handle(req, res));
  });
  server.listen(port, hostname, () => say(`ready on http://${hostname}:${port}`));
  let stopping = false;
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

main().catch((e) => {
  console.error(`[bisectview] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
