// From a syzbot link (or a whole syzbot email) to stored bisections. A log id already stored
// answers at once; anything else is fetched from the configured origin only when fetching is
// on (lib/syzbot/fetch.ts keeps the limits). Everything stored goes through ingestLog.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { bugSchema, parseSyzbotJson } from "@/lib/syzbot/api";
import { fetchFromSyzbot, SyzbotError, type FetchConfig } from "@/lib/syzbot/fetch";
import { acceptedHost, bisectLogIdsInHtml, bisectLogUrl, bugPath, findSyzbotLinks, hasSyzbotRefs, type BugRef, type SyzbotRefs } from "@/lib/syzbot/links";
import { IngestError } from "./errors";
import {
  attachSyzbotIdentity,
  bisectionForLogXid,
  bisectionsForBug,
  ingestLogWithIdentity,
  type SyzbotIdentity,
} from "./syzbot-identity";

export { SyzbotError } from "@/lib/syzbot/fetch";
export type { SyzbotIdentity } from "./syzbot-identity";

/** A bug page may link several bisections (cause, fix, fix candidates); at most this many are
 *  fetched for one pasted link. */
export const MAX_LOGS_PER_BUG = 8;
/** Bisection logs one pasted text may link: a syzbot email links one or two (cause, fix); each
 *  is looked up, and perhaps fetched, within the one request. */
export const MAX_LOGS_PER_TEXT = 16;
/** The most characters of a pasted link or email (`url`) that are read: a syzbot email is a few KB. */
export const MAX_LINK_TEXT = 256 * 1024;

export interface LinkedBisection {
  id: string;
  xid: string | null;
  duplicate: boolean;
  /** fetched from syzbot now (false: already stored) */
  fetched: boolean;
}

export interface LinkIngestResult {
  /** the first bisection: where a form lands */
  id: string;
  duplicate: boolean;
  bisections: LinkedBisection[];
  /** requests made to syzbot */
  requests: number;
  /** for an uploaded log: its outcome and parser warnings */
  outcome?: string;
  warnings?: number;
}

/** The identity a pasted text gives, before any fetch. */
export function identityFromRefs(refs: SyzbotRefs, xid: string | null): SyzbotIdentity {
  const bug: BugRef | undefined = refs.bugs[0];
  return {
    logXid: xid,
    logUrl: xid ? refs.logUrls[xid] : null,
    bugExtid: refs.bugs.find((b) => b.kind === "extid")?.value ?? null,
    bugId: refs.bugs.find((b) => b.kind === "id")?.value ?? null,
    bugUrl: bug ? refs.bugUrl : null,
    consoleUrl: refs.consoleUrl,
    configUrl: refs.configUrl,
    syzReproUrl: refs.syzReproUrl,
    cReproUrl: refs.cReproUrl,
  };
}

/** Reads the links out of a text, refusing links to other hosts and texts without any. */
export function syzbotRefsOrThrow(text: string, cfg: FetchConfig): SyzbotRefs {
  const refs = findSyzbotLinks(text, cfg);
  if (refs.foreign.length) {
    const host = new URL(refs.foreign[0]).host;
    throw new SyzbotError(
      `${refs.foreign[0]}: links on ${host} are not read; only https://syzkaller.appspot.com${cfg.origin !== "https://syzkaller.appspot.com" ? ` and ${cfg.origin}` : ""} links are`,
      400,
    );
  }
  if (!hasSyzbotRefs(refs)) {
    throw new SyzbotError(
      refs.urls
        ? "none of the links is a syzbot link: expected https://syzkaller.appspot.com/x/bisect.txt?x=<id>, /bug?extid=<extid> or /bug?id=<id>"
        : "no syzbot link in the text: paste https://syzkaller.appspot.com/x/bisect.txt?x=<id>, /bug?extid=<extid>, /bug?id=<id>, or a syzbot email",
      400,
    );
  }
  if (refs.logXids.length > MAX_LOGS_PER_TEXT) {
    throw new SyzbotError(
      `the text links ${refs.logXids.length} bisection logs; at most ${MAX_LOGS_PER_TEXT} are read from one text: paste fewer, or import them with \`npm run cli -- import-links\``,
      400,
    );
  }
  return refs;
}

const requireFetch = (cfg: FetchConfig, what: string) => {
  if (!cfg.enabled) {
    throw new SyzbotError(
      `${what} is not stored here, and this server does not fetch from syzbot (BISECTVIEW_FETCH=1 turns that on): upload the bisect.txt itself, with this link or email in the url field to keep its syzbot links`,
      403,
    );
  }
};

export interface BugPage {
  identity: SyzbotIdentity;
  xids: string[];
  requests: number;
}

/** A bug's JSON (title, id, artifact links) and its HTML page (the bisection logs' x= ids). */
export async function readBugPage(cfg: FetchConfig, bug: BugRef): Promise<BugPage> {
  const path = bugPath(bug);
  const json = await fetchFromSyzbot(cfg, `${path}&json=1`, `bug ${bug.kind}=${bug.value}`);
  const parsed = parseSyzbotJson(json, bugSchema, `syzbot's JSON for ${path}`);
  if (!parsed.ok) throw new SyzbotError(parsed.error, 502);
  const html = await fetchFromSyzbot(cfg, path, `bug ${bug.kind}=${bug.value}`);
  // syzbot gives these relative; anything that resolves off syzbot (or to another scheme) is dropped
  const abs = (u: string | undefined) => {
    if (!u) return null;
    try {
      const url = new URL(u, cfg.origin);
      return acceptedHost(url, cfg) ? url.toString() : null;
    } catch {
      return null;
    }
  };
  const crash = parsed.value.crashes?.[0];
  return {
    identity: {
      bugExtid: bug.kind === "extid" ? bug.value : null,
      bugId: parsed.value.id?.toLowerCase() || (bug.kind === "id" ? bug.value : null),
      bugTitle: parsed.value.title ?? null,
      bugUrl: new URL(path, cfg.origin).toString(),
      configUrl: abs(crash?.["kernel-config"]),
      syzReproUrl: abs(crash?.["syz-reproducer"]),
      cReproUrl: abs(crash?.["c-reproducer"]),
    },
    xids: bisectLogIdsInHtml(html),
    requests: 2,
  };
}

const fill = (a: SyzbotIdentity, b: SyzbotIdentity): SyzbotIdentity => {
  const out: SyzbotIdentity = { ...b };
  for (const [k, v] of Object.entries(a) as [keyof SyzbotIdentity, string | null | undefined][]) if (v) out[k] = v;
  return out;
};

/** Fetch `/x/bisect.txt?x=<xid>` and store it with its identity. */
export async function importBisectLog(prisma: PrismaClient, cfg: FetchConfig, xid: string, ident: SyzbotIdentity): Promise<LinkedBisection> {
  const text = await fetchFromSyzbot(cfg, `/x/bisect.txt?x=${xid}`, `bisection log x=${xid}`);
  try {
    const res = await ingestLogWithIdentity(prisma, text, { ...ident, logXid: xid, logUrl: ident.logUrl ?? bisectLogUrl(cfg.origin, xid) });
    return { id: res.id, xid, duplicate: res.duplicate, fetched: true };
  } catch (e) {
    if (e instanceof IngestError) throw new IngestError(`${bisectLogUrl(cfg.origin, xid)}: ${e.message}`, e.status, e.line);
    throw e;
  }
}

/** The log ids of a text, each stored or fetched. */
async function byLogIds(prisma: PrismaClient, cfg: FetchConfig, refs: SyzbotRefs, base: SyzbotIdentity): Promise<LinkIngestResult> {
  const out: LinkedBisection[] = [];
  let requests = 0;
  for (const xid of refs.logXids) {
    const known = await bisectionForLogXid(prisma, xid);
    const ident = fill({ ...identityFromRefs(refs, xid) }, base);
    if (known) {
      await attachSyzbotIdentity(prisma, known, ident);
      out.push({ id: known, xid, duplicate: true, fetched: false });
      continue;
    }
    requireFetch(cfg, `syzbot log x=${xid}`);
    requests++;
    out.push(await importBisectLog(prisma, cfg, xid, ident));
  }
  return { id: out[0].id, duplicate: out.every((b) => b.duplicate), bisections: out, requests };
}

/** Store what a pasted syzbot link or email points to. */
export async function ingestSyzbotText(prisma: PrismaClient, text: string, cfg: FetchConfig): Promise<LinkIngestResult> {
  const refs = syzbotRefsOrThrow(text, cfg);
  if (refs.logXids.length) return byLogIds(prisma, cfg, refs, {});
  const bug = refs.bugs[0];
  if (!bug) {
    throw new SyzbotError("the text links syzbot artifacts (console log, .config, reproducer) but no bisection log and no bug: paste the bisection log or dashboard link", 400);
  }
  const stored = await bisectionsForBug(prisma, bug);
  if (stored.length) {
    for (const id of stored) await attachSyzbotIdentity(prisma, id, identityFromRefs(refs, null));
    return { id: stored[0], duplicate: true, bisections: stored.map((id) => ({ id, xid: null, duplicate: true, fetched: false })), requests: 0 };
  }
  requireFetch(cfg, `syzbot bug ${bug.kind}=${bug.value}`);
  const page = await readBugPage(cfg, bug);
  if (!page.xids.length) throw new SyzbotError(`syzbot's page for ${bugPath(bug)} links no bisection log (the bug has not been bisected)`, 404);
  const res = await byLogIds(prisma, cfg, { ...refs, logXids: page.xids.slice(0, MAX_LOGS_PER_BUG) }, page.identity);
  return { ...res, requests: res.requests + page.requests };
}

function looksLikeLinks(text: string, cfg: FetchConfig): boolean {
  const refs = findSyzbotLinks(text, cfg);
  const t = text.trim();
  return hasSyzbotRefs(refs) || refs.foreign.length > 0 || (/^https?:\/\//i.test(t) && !/\s/.test(t));
}

/** An upload: a log, a link/email, or both (the email's links attach to the log). A text that is
 *  not a log but holds syzbot links is taken as a link. */
export async function ingestUpload(
  prisma: PrismaClient,
  body: { log: string | null; url: string | null },
  cfg: FetchConfig,
): Promise<LinkIngestResult> {
  if (body.url && body.url.length > MAX_LINK_TEXT)
    throw new SyzbotError(
      `the syzbot link or email is ${body.url.length.toLocaleString("en")} characters; at most ${MAX_LINK_TEXT.toLocaleString("en")} are read (a syzbot email is a few thousand): paste the email or its links, or import many with \`npm run cli -- import-links\``,
      413,
    );
  if (body.log && body.url) {
    const refs = syzbotRefsOrThrow(body.url, cfg);
    if (refs.logXids.length > 1) throw new SyzbotError("the text links several bisection logs: with an uploaded log, give the link of that one log", 400);
    const res = await ingestLogWithIdentity(prisma, body.log, identityFromRefs(refs, refs.logXids[0] ?? null));
    // the answer names the syzbot log id the bisection is stored with: a log stored earlier keeps
    // its first one (syzbot_link never replaces a value), whatever this link said
    const xid = (await prisma.syzbotLink.findUnique({ where: { bisectionId: res.id }, select: { logXid: true } }))?.logXid ?? null;
    return { id: res.id, duplicate: res.duplicate, bisections: [{ id: res.id, xid, duplicate: res.duplicate, fetched: false }], requests: 0, outcome: res.outcome, warnings: res.warnings };
  }
  if (body.url) return ingestSyzbotText(prisma, body.url, cfg);
  const log = body.log ?? "";
  try {
    const res = await ingestLogWithIdentity(prisma, log, null);
    return { id: res.id, duplicate: res.duplicate, bisections: [{ id: res.id, xid: null, duplicate: res.duplicate, fetched: false }], requests: 0, outcome: res.outcome, warnings: res.warnings };
  } catch (e) {
    // a pasted link or email in the log box
    if (e instanceof IngestError && e.status === 400 && log.length <= MAX_LINK_TEXT && looksLikeLinks(log, cfg)) {
      return ingestSyzbotText(prisma, log, cfg);
    }
    throw e;
  }
}
