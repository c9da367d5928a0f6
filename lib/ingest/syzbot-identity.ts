// Stores where a bisection lives on syzbot (table syzbot_link). A later source fills what an
// earlier one left empty; it never replaces a value already stored.
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { SyzbotError } from "@/lib/syzbot/fetch";
import { bisectLogUrl, logXidFromFileName, PUBLIC_ORIGIN } from "@/lib/syzbot/links";
import { ingestLog, type IngestOptions, type IngestResult } from "./index";
import { bisectionIdFor } from "./normalize";
import { isRefusal, normalizeUpload } from "./prepare";

export interface SyzbotIdentity {
  logXid?: string | null;
  bugExtid?: string | null;
  bugId?: string | null;
  bugTitle?: string | null;
  logUrl?: string | null;
  bugUrl?: string | null;
  consoleUrl?: string | null;
  configUrl?: string | null;
  syzReproUrl?: string | null;
  cReproUrl?: string | null;
}

const COLUMNS = [
  ["logXid", "log_xid"],
  ["bugExtid", "bug_extid"],
  ["bugId", "bug_id"],
  ["bugTitle", "bug_title"],
  ["logUrl", "log_url"],
  ["bugUrl", "bug_url"],
  ["consoleUrl", "console_url"],
  ["configUrl", "config_url"],
  ["syzReproUrl", "syz_repro_url"],
  ["cReproUrl", "c_repro_url"],
] as const;

/** The identity's fields and their syzbot_link columns (the bulk import writes them too). */
export { COLUMNS as SYZBOT_LINK_COLUMNS };

export const isEmptyIdentity = (i: SyzbotIdentity) => COLUMNS.every(([k]) => !i[k]);

/** The bisection a syzbot log id already names, if any. */
export async function bisectionForLogXid(prisma: PrismaClient, xid: string): Promise<string | null> {
  const row = await prisma.syzbotLink.findUnique({ where: { logXid: xid }, select: { bisectionId: true } });
  return row?.bisectionId ?? null;
}

/** Bisections already stored for a bug (by extid or id), newest first. */
export async function bisectionsForBug(prisma: PrismaClient, bug: { kind: "extid" | "id"; value: string }): Promise<string[]> {
  const rows = await prisma.syzbotLink.findMany({
    where: bug.kind === "extid" ? { bugExtid: bug.value } : { bugId: bug.value },
    select: { bisectionId: true },
    orderBy: { updatedAt: "desc" },
  });
  return rows.map((r) => r.bisectionId);
}

export async function attachSyzbotIdentity(prisma: PrismaClient, bisectionId: string, ident: SyzbotIdentity): Promise<void> {
  if (isEmptyIdentity(ident)) return;
  const xid = ident.logXid ?? null;
  if (xid) {
    const other = await bisectionForLogXid(prisma, xid);
    if (other && other !== bisectionId) {
      throw new SyzbotError(`syzbot log x=${xid} is already stored as /b/${other}, a different log`, 409);
    }
  }
  const cols = Prisma.join(COLUMNS.map(([, c]) => Prisma.raw(`"${c}"`)));
  const vals = Prisma.join(COLUMNS.map(([k]) => ident[k] ?? null));
  const sets = Prisma.join(
    COLUMNS.map(([, c]) => Prisma.raw(`"${c}" = COALESCE("syzbot_link"."${c}", EXCLUDED."${c}")`)),
    ", ",
  );
  await prisma.$executeRaw`
    INSERT INTO "syzbot_link" ("bisection_id", ${cols}, "updated_at") VALUES (${bisectionId}, ${vals}, now())
    ON CONFLICT ("bisection_id") DO UPDATE SET ${sets}, "updated_at" = now()`;
}

/** What a `Log_<x>.txt` file name says: syzbot's `/x/bisect.txt?x=<x>`. */
export function identityFromFileName(file: string): SyzbotIdentity | null {
  const xid = logXidFromFileName(file);
  return xid ? { logXid: xid, logUrl: bisectLogUrl(PUBLIC_ORIGIN, xid) } : null;
}

/** ingestLog, then the syzbot identity. A log id that already names another stored log is
 *  refused before anything is stored. */
export async function ingestLogWithIdentity(
  prisma: PrismaClient,
  text: string,
  ident: SyzbotIdentity | null,
  opts: IngestOptions = {},
): Promise<IngestResult> {
  const xid = ident?.logXid ?? null;
  if (xid) {
    const claimed = await bisectionForLogXid(prisma, xid);
    // the ids the log is or may be stored under: its own, and a legacy copy's (legacyLogHash)
    const up = normalizeUpload(text);
    const ids = isRefusal(up) ? [] : [bisectionIdFor(up.hash), ...(up.legacy ? [bisectionIdFor(up.legacy)] : [])];
    if (claimed && !ids.includes(claimed)) throw new SyzbotError(`syzbot log x=${xid} is already stored as /b/${claimed}, a different log`, 409);
  }
  const res = await ingestLog(prisma, text, opts);
  if (ident) await attachSyzbotIdentity(prisma, res.id, ident);
  return res;
}

/** `cli sync` read this bug's page and found `bisections` logs on it. */
export async function recordBugCheck(prisma: PrismaClient, bugKey: string, bisections: number): Promise<void> {
  await prisma.syzbotBugCheck.upsert({
    where: { bugKey },
    create: { bugKey, bisections },
    update: { bisections, checkedAt: new Date() },
  });
}

export async function bugChecked(prisma: PrismaClient, bugKey: string): Promise<boolean> {
  return (await prisma.syzbotBugCheck.count({ where: { bugKey } })) > 0;
}
