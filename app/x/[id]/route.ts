import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db";
import { bisectionIdForLogXid } from "@/lib/data/syzbot";
import { publicOrigin } from "@/lib/server/public-url";
import { withDatabase } from "@/lib/db-errors";
import { otherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body + "\n", { status, headers: { "content-type": "text/plain; charset=utf-8" } });

/** `/x/<x>` and syzbot's own shape `/x/bisect.txt?x=<x>`: a known syzbot log id is a permalink. */
export const GET = withDatabase(async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const url = new URL(req.url);
  const xid = (id === "bisect.txt" ? (url.searchParams.get("x") ?? "") : id).toLowerCase();
  if (!/^[0-9a-f]{1,16}$/.test(xid)) return text(`"${xid}" is not a syzbot log id (up to 16 hex digits, the x= of /x/bisect.txt?x=<id>)`, 400);
  const bisection = await bisectionIdForLogXid(getPrisma(), xid);
  if (!bisection) return text(`no stored bisection has syzbot log x=${xid}: paste https://syzkaller.appspot.com/x/bisect.txt?x=${xid} at /upload`, 404);
  return NextResponse.redirect(`${publicOrigin(req.headers, req.url)}/b/${bisection}`, 308);
});

// every other method: 405 with Allow and why
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], "text");
