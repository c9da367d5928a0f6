// The server Playwright runs against: a fresh embedded PostgreSQL, seeded through lib/ingest
// with the golden logs (lib/parser/testdata), then the built app via scripts/serve.ts's path.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createPrismaClient } from "../lib/db";
import { ensureDatabase } from "../lib/server/database";
import { forceStopEmbeddedPostgres } from "../lib/server/embedded-postgres";
import { ingestLog } from "../lib/ingest";
import { logsUnder } from "../lib/testing/logs-under";


async function seed() {
  const dir = join(process.cwd(), ".data", "e2e-postgres");
  // a PostgreSQL left on it by a killed earlier run would keep the port and the deleted files
  await forceStopEmbeddedPostgres(dir);
  rmSync(dir, { recursive: true, force: true });
  process.env.BISECTVIEW_PG_DIR = dir;
  process.env.BISECTVIEW_PG_PORT ??= "5435";
  delete process.env.DATABASE_URL;
  const db = await ensureDatabase((s) => console.log(`[e2e] ${s}`));
  const prisma = createPrismaClient(db.url);
  let stored = 0;
  for (const file of logsUnder(join(process.cwd(), "lib", "parser", "testdata"))) {
    try {
      await ingestLog(prisma, readFileSync(file, "utf8"));
      stored++;
    } catch {
      // the not-a-log samples are rejected, as they should be
    }
  }
  await prisma.$disconnect();
  await db.stop();
  console.log(`[e2e] seeded ${stored} logs`);
}

await seed();
// every request's queries, for e2e/reads-once.spec.ts (lib/db.ts, scripts/serve.ts)
process.env.BISECTVIEW_QUERY_LOG = join(process.cwd(), ".data", "e2e-queries.ndjson");
rmSync(process.env.BISECTVIEW_QUERY_LOG, { force: true });
// a local stand-in for syzbot (corpus logs at syzbot's URL shapes), and fetching on, so the
// paste-a-link specs run without the internet
if (process.env.E2E_SYZBOT_PORT) {
  const { startFakeSyzbot } = await import("../lib/testing/fake-syzbot");
  const { E2E_SYZBOT_BUGS } = await import("../e2e/syzbot-fixtures");
  const fake = await startFakeSyzbot(E2E_SYZBOT_BUGS, Number(process.env.E2E_SYZBOT_PORT));
  process.env.BISECTVIEW_SYZBOT_ORIGIN = fake.origin;
  process.env.BISECTVIEW_FETCH = "1";
  console.log(`[e2e] fake syzbot on ${fake.origin}`);
}
await import("./serve");
