// `npm run bench -- explain`: `EXPLAIN (ANALYZE, BUFFERS)` of every query the list, its searches
// and `/b/<id>` run, on the largest database bench/scale.ts built (BENCH_SIZES; 1,000,000 by
// default). The queries are the app's own: lib/data runs them through a Prisma client that
// reports each statement with its parameters, and each is explained as it was sent.
import { readFileSync } from "node:fs";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listBisections } from "@/lib/data/list";
import { getBisection, getLogLines } from "@/lib/data/bisection";
import { otherBisectionsOfCrash } from "@/lib/data/related";
import { forgetImmutable } from "@/lib/data/immutable-cache";
import { parseListParams } from "@/lib/validations/list";
import { bisectionIdFor, contentHash, normalizeLog } from "@/lib/ingest/normalize";
import { scaleDatabases } from "./scale";

const SEED_LOG = "lib/parser/testdata/cause-kvm_wait-title-drift.txt";

/** The list requests of bench/pages.ts, and a few more sorts and filters. */
export const LIST_CASES: [string, Record<string, string>][] = [
  ["list /", {}],
  ["list page 20", { page: "20" }],
  ["search ?q=kvm_wait", { q: "kvm_wait" }],
  ["search hash prefix ?q=997acaf6", { q: "997acaf6" }],
  ["path ?path=kernel/locking/", { path: "kernel/locking/" }],
  ["sort by title", { sort: "title", dir: "asc" }],
  ["JSON ?q=kasan", { q: "kasan" }],
  ["best match ?q=kvm_wait", { q: "kvm_wait", sort: "relevance" }],
  ["best match ?q=lock (more titles than ranked one by one)", { q: "lock", sort: "relevance" }],
  ["best match ?q=sk_psock_get", { q: "sk_psock_get", sort: "relevance" }],
  ["sort by title, descending", { sort: "title", dir: "desc" }],
  ["sort by commit", { sort: "commit", dir: "asc" }],
  ["sort by commits tested", { sort: "tested", dir: "desc" }],
  ["sort by verdict", { sort: "verdict", dir: "asc" }],
  ["filter ?verdict=doubtful", { verdict: "doubtful" }],
  ["filter ?type=fix", { type: "fix" }],
  ["filter ?mark=wrong", { mark: "wrong" }],
  // `after: "@19"`: the cursor page 19 of the same list gives (where page 20 starts)
  ["list page 20 by cursor", { page: "20", after: "@19" }],
  ["sort by title, page 20 by cursor", { sort: "title", dir: "asc", page: "20", after: "@19" }],
  ["sort by commits tested, page 20 by cursor", { sort: "tested", dir: "desc", page: "20", after: "@19" }],
  ["path ?path=kernel/locking/, page 20 by cursor", { path: "kernel/locking/", page: "20", after: "@19" }],
];

interface Sent {
  query: string;
  params: unknown[];
}

function recordingClient(url: string): { prisma: PrismaClient; sent: Sent[] } {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }), log: [{ emit: "event", level: "query" }] });
  const sent: Sent[] = [];
  prisma.$on("query", (e) => sent.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
  return { prisma, sent };
}

async function explain(c: pg.Client, s: Sent): Promise<string> {
  const res = await c.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, s.params);
  return res.rows.map((r) => r["QUERY PLAN"]).join("\n");
}

/** The plan, shortened for reading: lines cut at 150 characters; for the list's page-rows
 *  statement (the same 50 primary-key joins on every page) only its InitPlan, which is the
 *  page's own query, unless `whole`. */
function shorten(plan: string, whole: boolean): string {
  const lines = plan.split("\n");
  const init = lines.findIndex((l) => /^\s*InitPlan 1/.test(l));
  let kept = lines;
  if (!whole && init > 0 && /unnest pg/.test(plan)) {
    const depth = lines[init].search(/\S/);
    let end = init + 1;
    while (end < lines.length && lines[end].search(/\S/) > depth) end++;
    kept = [lines[0], ...lines.slice(init, end), "  ... (the 50 rows' joins: as under `list /`)", ...lines.filter((l) => /^(Planning|Execution)/.test(l))];
  }
  return kept.map((l) => (l.length > 150 ? `${l.slice(0, 147)}...` : l)).join("\n");
}

async function explainAll(c: pg.Client, title: string, sent: Sent[], whole = false): Promise<string[]> {
  const out = [`### ${title}`];
  for (const s of sent) {
    const sql = `${s.query.replace(/\s+/g, " ").slice(0, 200)}${s.query.length > 200 ? " ..." : ""}`;
    if (/^\s*EXPLAIN/i.test(s.query)) {
      out.push(`\n\`${sql}\`: the planner's estimate only, nothing executed`);
      continue;
    }
    const plan = await explain(c, s);
    const ms = plan.match(/Execution Time: ([\d.]+) ms/)?.[1];
    out.push(`\n\`${sql}\` (params ${JSON.stringify(s.params).slice(0, 100)}): execution ${ms} ms`, "```", shorten(plan, whole), "```");
  }
  return out;
}

export async function benchExplain(size: number): Promise<string> {
  const dbs = await scaleDatabases([size], () => {});
  const url = dbs.url(size);
  const { prisma, sent } = recordingClient(url);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const out: string[] = [`EXPLAIN (ANALYZE, BUFFERS) at ${size.toLocaleString("en")} bisections (each query run once before, as the bench's warm-ups do)`];
  try {
    for (const [title, given] of LIST_CASES) {
      let raw = given;
      if (raw.after === "@19") {
        const { after: _, ...rest } = raw;
        const p19 = await listBisections(prisma, parseListParams({ ...rest, page: "19" }));
        raw = { ...rest, after: p19.after ?? "" };
      }
      const params = parseListParams(raw);
      await listBisections(prisma, params);
      sent.length = 0;
      await listBisections(prisma, params);
      out.push(...(await explainAll(c, title, sent.splice(0), title === "list /")));
    }
    const seed = bisectionIdFor(contentHash(normalizeLog(readFileSync(SEED_LOG, "utf8"))));
    const detail = async () => {
      forgetImmutable(prisma);
      const b = await getBisection(prisma, seed);
      if (!b) throw new Error(`seed ${seed} is not stored`);
      await getLogLines(prisma, seed, [[b.bisectStartLine ?? 0, (b.bisectStartLine ?? 0) + 1], b.crash ? [b.crash.line, b.crash.endLine] : [0, -1]]);
      await otherBisectionsOfCrash(prisma, seed, [b.crashSignature?.title ?? "", b.startSignature?.title ?? ""]);
    };
    await detail();
    sent.length = 0;
    await detail();
    out.push(...(await explainAll(c, `/b/${seed} (uncached: the page's data cache forgotten first)`, sent.splice(0), true)));
  } finally {
    await c.end();
    await prisma.$disconnect();
    await dbs.stop();
  }
  return out.join("\n");
}
