// Starts Bisectview: the database (embedded PostgreSQL unless DATABASE_URL is set), pending
// migrations, then Next.js in this same process, so one signal stops everything cleanly.
import { createServer } from "node:http";
import next from "next";
import { ensureDatabase } from "../lib/server/database";
import { PEER_HEADER } from "../lib/server/auth";

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
  const server = createServer((req, res) => {
    // the socket's address, for the loopback rule of lib/server/auth.ts; a client's own value goes
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    void handle(req, res);
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
