// `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded PostgreSQL)
// and exits. With several app instances on one database, run this once per release and start
// the instances with BISECTVIEW_MIGRATE=0.
import { ensureDatabase } from "../lib/server/database";

const say = (s: string) => console.log(`[bisectview] ${s}`);
delete process.env.BISECTVIEW_MIGRATE;
try {
  const db = await ensureDatabase(say, "migrate");
  say("migrations up to date");
  await db.stop();
} catch (e) {
  console.error(`[bisectview] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
