// A bisection page reads its data once per request: generateMetadata and the page share one read
// (React's request cache, app/b/[id]/page.tsx), and the commit record likewise. The e2e server
// writes every request's SQL statements with their parameters to .data/e2e-queries.ndjson
// (BISECTVIEW_QUERY_LOG: lib/db.ts counts, scripts/serve.ts writes); no statement may run twice
// in one request.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { CULPRIT, FIXTURE } from "./helpers";

const LOG = join(process.cwd(), ".data", "e2e-queries.ndjson");

interface Logged {
  method: string;
  url: string;
  status: number;
  queries: string[];
}

function requestsTo(url: string): Logged[] {
  return readFileSync(LOG, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Logged)
    .filter((r) => r.method === "GET" && r.url === url);
}

/** How many of the request's statements match `re`. */
const count = (r: Logged, re: RegExp) => r.queries.filter((q) => re.test(q)).length;

/** A log no other spec stores: its page has never been read, so nothing is cached for it. */
async function freshBisection(request: APIRequestContext): Promise<string> {
  const text = FIXTURE.replace("\nrevisions tested: ", "\n# reads-once.spec\nrevisions tested: ");
  const res = await request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: text });
  expect(res.status()).toBeLessThan(300);
  return (await res.json()).id as string;
}

// Each query as the app asked Prisma for it: `Model.operation {args}` (lib/db.ts notes them
// before Prisma batches identical `findUnique`s of one tick into one statement, which would hide
// a second read). scripts/serve.ts also asks whether the bisection exists before rendering, for
// the 404 without JavaScript: a `select: {id}` read, not counted here.
const op = (re: string) => new RegExp(`^${re}`);
const DETAIL = op(`Bisection\\.findUnique \\{"where":\\{"id":"[0-9a-f]{12}"\\},"select":\\{"id":true,"judgeVersion":true,"uploadedAt":true`);
const MUTABLE = op(`Bisection\\.findUnique \\{"where":\\{"id":"[0-9a-f]{12}"\\},"select":\\{"judgeVersion":true,"syzbot"`);
const LOG_LINES = op(`\\$\\.\\$queryRaw .*FROM raw_log l, unnest`);
// other bisections of the crash: one statement, their signatures by title and the newest of each (lib/data/related.ts)
const RELATED = op(`\\$\\.\\$queryRaw .*WITH page AS \\(.*SELECT x\\.id, max\\(x\\.uploaded_at\\)`);

test("/b/<id> reads its data once per request; a second request reads only what can change", async ({ request }) => {
  const id = await freshBisection(request);
  const page = `/b/${id}`;
  for (let i = 0; i < 2; i++) expect((await request.get(page)).status()).toBe(200);
  // the server writes a request's line when its response has finished: the second may land just after the client has read it
  await expect.poll(() => requestsTo(page).length).toBe(2);
  const [first, second] = requestsTo(page);
  expect(first, `no request to ${page} in ${LOG}`).toBeDefined();
  const reads = (r: Logged) => [DETAIL, MUTABLE, LOG_LINES, RELATED].map((re) => count(r, re));
  // metadata and page share one read of each (without React's cache, the detail would be read
  // twice: generateMetadata needs it for the title)
  expect(reads(first)).toEqual([1, 1, 1, 1]);
  // what never changes is kept by id (lib/data/immutable-cache.ts): the second reads marks and
  // syzbot links, and the other bisections of the crash, once each
  expect(reads(second)).toEqual([0, 1, 0, 1]);
});

test("/c/<hash> reads the commit record once per request", async ({ request }) => {
  const page = `/c/${CULPRIT}`;
  const before = requestsTo(page).length;
  expect((await request.get(page)).status()).toBe(200);
  // the server writes the line when the response has finished: it may land just after the client has read it
  await expect.poll(() => requestsTo(page).length).toBeGreaterThan(before);
  const all = requestsTo(page);
  const last = all[all.length - 1];
  const PREFIX = op(`Commit\\.findMany \\{"where":\\{"hash":\\{"startsWith"`);
  const COMMIT = op(`Commit\\.findUnique `);
  const ACCOUNTS = op(`\\$\\.\\$queryRaw .*FROM culprit c JOIN bisection b`);
  expect([count(last, PREFIX), count(last, COMMIT), count(last, ACCOUNTS)]).toEqual([1, 1, 1]);
});
