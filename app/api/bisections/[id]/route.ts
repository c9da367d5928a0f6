import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db";
import { getBisection } from "@/lib/data/bisection";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { withDatabase } from "@/lib/db-errors";
import { otherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

export const GET = withDatabase(async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  if (!bisectionIdSchema.safeParse(id).success) {
    return NextResponse.json({ error: `"${id}" is not a bisection id (12 hex digits)` }, { status: 400 });
  }
  const b = await getBisection(getPrisma(), id);
  if (!b) return NextResponse.json({ error: `no bisection ${id}` }, { status: 404 });
  return NextResponse.json(b);
});

// every other method: 405 with Allow and why
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], "json");
