import { getPrisma } from "@/lib/db";
import { getRawLog } from "@/lib/data/bisection";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { withDatabase } from "@/lib/db-errors";

export const dynamic = "force-dynamic";

/** The log exactly as stored, as plain text. */
export const GET = withDatabase(async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const plain = { "content-type": "text/plain; charset=utf-8" };
  if (!bisectionIdSchema.safeParse(id).success) return new Response(`"${id}" is not a bisection id (12 hex digits)\n`, { status: 400, headers: plain });
  const text = await getRawLog(getPrisma(), id);
  if (text === null) return new Response(`no bisection ${id}\n`, { status: 404, headers: plain });
  return new Response(text, { headers: { ...plain, "x-content-type-options": "nosniff" } });
});
