import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The stored bisection whose syzbot log is `/x/bisect.txt?x=<xid>`. */
export async function bisectionIdForLogXid(prisma: PrismaClient, xid: string): Promise<string | null> {
  const row = await prisma.syzbotLink.findUnique({ where: { logXid: xid.toLowerCase() }, select: { bisectionId: true } });
  return row?.bisectionId ?? null;
}
