// Starts Bisectview: the database (embedded PostgreSQL unless DATABASE_URL is set), pending
// migrations, then Next.js in this same process, so one signal stops everything cleanly.
import { createServer } from "node:http";
import next from "next";
import { ensureDatabase } from "../lib/server/database";
import { PEER_HEADER } from "../lib/server/auth";
import { applySecurityHeaders } from "../lib/server/security-headers";
import { refuseOversizedFormPost } from "../lib/server/form-body-cap";
import { routeMissingPages } from "../lib/server/missing-pages";
import { prismaLookup } from "../lib/server/missing-lookup";
import { getPrisma } from "../lib/db";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "localhost";
const say = (s: string) => console.log(`[bisectview] ${s}`);

async function main() {
  const db = await ensureDatabase(say);
  process.env.DATABASE_URL = db.url;
  const app = next({ dev, dir: process.cwd(), port, hostname });
  await app.prepare();
  const handle = app.getRequestHandler();
  const lookup = prismaLookup(getPrisma);
  const server = createServer((req, res) => {
    // the socket's address, for the loopback rule of lib/server/auth.ts; a client's own value goes
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    applySecurityHeaders(req, res);
    if (refuseOversizedFormPost(req, res)) return;
    // a missing bisection's 404 must read without JavaScript; if the lookup fails (database
    // down), the page itself answers
    void routeMissingPages(req, lookup)
      .catch(() => {})
      .then(() => handle(req, res));
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
