// Starts Bisectview: the database (embedded PostgreSQL unless DATABASE_URL is set), pending
// migrations, then Next.js in this same process, so one signal stops everything cleanly.
import { createServer } from "node:http";
import next from "next";
import { ensureDatabase } from "../lib/server/database";

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
  const server = createServer((req, res) => void handle(req, res));
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
