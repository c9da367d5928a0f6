// `cli import-links <file>` and `cli sync`: bisections from syzbot, politely (one request at a
// time, a delay before each, a cap per run) and with the server's limits (lib/syzbot/fetch.ts).
// These commands are the operator's explicit request to fetch, so BISECTVIEW_FETCH is not
// needed; BISECTVIEW_SYZBOT_ORIGIN still says where from.
import { readFile } from "node:fs/promises";
import { createPrismaClient } from "@/lib/db";
import { ensureDatabase } from "@/lib/server/database";
import { IngestError } from "@/lib/ingest";
import { importBisectLog, ingestSyzbotText, readBugPage, SyzbotError } from "@/lib/ingest/syzbot";
import { bisectionForLogXid, bisectionsForBug, bugChecked, recordBugCheck } from "@/lib/ingest/syzbot-identity";
import { bugGroupSchema, parseSyzbotJson } from "@/lib/syzbot/api";
import { fetchConfigFromEnv, fetchFromSyzbot, type FetchConfig } from "@/lib/syzbot/fetch";
import type { BugRef } from "@/lib/syzbot/links";
import { progressBar } from "./progress";

type Out = (s: string) => void;

class CapReached extends Error {}

interface Options {
  delayMs: number;
  maxRequests: number;
  namespace: string;
  recheck: boolean;
  rest: string[];
}

function parseOptions(args: string[], defaults: { delayMs: number; maxRequests: number }): Options | string {
  const o: Options = { ...defaults, namespace: "upstream", recheck: false, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const num = (name: string) => {
      const v = Number(args[++i]);
      if (!Number.isInteger(v) || v < 0) throw new Error(`${name} takes a whole number, got ${JSON.stringify(args[i])}`);
      return v;
    };
    try {
      if (a === "--delay-ms") o.delayMs = num(a);
      else if (a === "--max-requests") o.maxRequests = num(a);
      else if (a === "--namespace") {
        o.namespace = args[++i] ?? "";
        if (!/^[a-z0-9-]+$/.test(o.namespace)) return `--namespace takes a syzbot namespace such as upstream, got ${JSON.stringify(o.namespace)}`;
      } else if (a === "--recheck") o.recheck = true;
      else if (a.startsWith("--")) return `unknown option ${a}`;
      else o.rest.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  return o;
}

/** One request at a time, `delayMs` before each but the first, at most `maxRequests`. */
function pacedConfig(o: Options): { cfg: FetchConfig; requests: () => number } {
  let n = 0;
  const cfg: FetchConfig = {
    ...fetchConfigFromEnv(),
    enabled: true,
    beforeRequest: async () => {
      if (n >= o.maxRequests) throw new CapReached(`stopped at the cap of ${o.maxRequests} requests (--max-requests); run again to go on`);
      if (n > 0 && o.delayMs > 0) await new Promise((r) => setTimeout(r, o.delayMs));
      n++;
    },
  };
  return { cfg, requests: () => n };
}

const reasonOf = (e: unknown) =>
  e instanceof IngestError ? `${e.message}${e.line ? ` (line ${e.line})` : ""}` : e instanceof SyzbotError ? e.message : `internal error: ${(e as Error).message}`;

async function withDatabase<T>(err: Out, fn: (prisma: ReturnType<typeof createPrismaClient>) => Promise<T>): Promise<T> {
  const db = await ensureDatabase((s) => err(`[bisectview] ${s}`));
  const prisma = createPrismaClient(db.url);
  try {
    return await fn(prisma);
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

export async function cmdImportLinks(args: string[], out: Out, err: Out): Promise<number> {
  const o = parseOptions(args, { delayMs: 1000, maxRequests: 1000 });
  if (typeof o === "string") return err(`bisectview: import-links: ${o}`), 1;
  if (o.rest.length !== 1) return err("usage: npm run -s cli -- import-links <file> [--delay-ms N] [--max-requests N]  (one link per line)"), 1;
  let text: string;
  try {
    text = await readFile(o.rest[0], "utf8");
  } catch {
    return err(`bisectview: ${o.rest[0]}: no such file or directory`), 1;
  }
  const lines = text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
  const { cfg, requests } = pacedConfig(o);
  return withDatabase(err, async (prisma) => {
    const bar = progressBar(lines.length, "import-links");
    let imported = 0;
    let known = 0;
    let stopped: string | null = null;
    const failed: { line: string; reason: string }[] = [];
    for (const [i, line] of lines.entries()) {
      try {
        const res = await ingestSyzbotText(prisma, line, cfg);
        for (const b of res.bisections) b.duplicate ? known++ : imported++;
      } catch (e) {
        if (e instanceof CapReached) {
          stopped = e.message;
          break;
        }
        failed.push({ line, reason: reasonOf(e) });
      }
      bar.tick(i + 1);
    }
    bar.done();
    out(`imported: ${imported}, already stored: ${known}, failed: ${failed.length} (${lines.length} links, ${requests()} requests to ${cfg.origin})`);
    for (const f of failed) out(`  failed ${f.line}: ${f.reason}`);
    if (stopped) out(stopped);
    return failed.length ? 2 : 0;
  });
}

function bugRefOf(link: string, origin: string): BugRef | null {
  let u: URL;
  try {
    u = new URL(link, origin);
  } catch {
    return null;
  }
  const extid = u.searchParams.get("extid");
  const id = u.searchParams.get("id");
  if (extid && /^[0-9a-f]{1,64}$/.test(extid)) return { kind: "extid", value: extid };
  if (id && /^[0-9a-f]{1,64}$/.test(id)) return { kind: "id", value: id };
  return null;
}

export async function cmdSync(args: string[], out: Out, err: Out): Promise<number> {
  const o = parseOptions(args, { delayMs: 2000, maxRequests: 200 });
  if (typeof o === "string") return err(`bisectview: sync: ${o}`), 1;
  if (o.rest.length) return err(`bisectview: sync takes no files (got ${o.rest[0]}): usage: sync [--namespace upstream] [--delay-ms N] [--max-requests N] [--recheck]`), 1;
  const { cfg, requests } = pacedConfig(o);
  return withDatabase(err, async (prisma) => {
    const bugs: BugRef[] = [];
    let stopped: string | null = null;
    let imported = 0;
    let known = 0;
    let skipped = 0;
    const failed: { what: string; reason: string }[] = [];
    try {
      for (const list of [`/${o.namespace}?json=1`, `/${o.namespace}/fixed?json=1`]) {
        const parsed = parseSyzbotJson(await fetchFromSyzbot(cfg, list, `bug list ${list}`), bugGroupSchema, `syzbot's bug list ${list}`);
        if (!parsed.ok) throw new SyzbotError(parsed.error, 502);
        for (const b of parsed.value.Bugs ?? []) {
          const ref = bugRefOf(b.link, cfg.origin);
          if (ref && !bugs.some((x) => x.kind === ref.kind && x.value === ref.value)) bugs.push(ref);
        }
      }
      const bar = progressBar(bugs.length, "sync");
      for (const [i, bug] of bugs.entries()) {
        const key = `${bug.kind}:${bug.value}`;
        if (!o.recheck && ((await bugChecked(prisma, key)) || (await bisectionsForBug(prisma, bug)).length)) {
          skipped++;
        } else {
          try {
            const page = await readBugPage(cfg, bug);
            for (const xid of page.xids) {
              if (await bisectionForLogXid(prisma, xid)) {
                known++;
                continue;
              }
              try {
                const res = await importBisectLog(prisma, cfg, xid, page.identity);
                res.duplicate ? known++ : imported++;
              } catch (e) {
                if (e instanceof CapReached) throw e;
                failed.push({ what: `x=${xid} (${key})`, reason: reasonOf(e) });
              }
            }
            await recordBugCheck(prisma, key, page.xids.length);
          } catch (e) {
            if (e instanceof CapReached) throw e;
            failed.push({ what: key, reason: reasonOf(e) });
          }
        }
        bar.tick(i + 1);
      }
      bar.done();
    } catch (e) {
      if (!(e instanceof CapReached)) {
        err(`bisectview: sync: ${reasonOf(e)}`);
        return 1;
      }
      stopped = e.message;
    }
    out(
      `bugs listed: ${bugs.length}, skipped as known: ${skipped}; bisections imported: ${imported}, already stored: ${known}, failed: ${failed.length} (${requests()} requests to ${cfg.origin})`,
    );
    for (const f of failed) out(`  failed ${f.what}: ${f.reason}`);
    if (stopped) out(stopped);
    return failed.length ? 2 : 0;
  });
}
