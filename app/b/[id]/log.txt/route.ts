import { getPrisma } from "@/lib/db";
import { getLogLines, getRawLog } from "@/lib/data/bisection";
import { parseLineRange } from "@/lib/log-range";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { withDatabase } from "@/lib/db-errors";
import { otherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

/** The log exactly as stored, as plain text; `?L=5-24` gives those lines only (a crash report). */
export const GET = withDatabase(async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const plain = { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" };
  if (!bisectionIdSchema.safeParse(id).success) return new Response(`"${id}" is not a bisection id (12 hex digits)\n`, { status: 400, headers: plain });
  const L = new URL(req.url).searchParams.get("L");
  if (L !== null) {
    const range = parseLineRange(L);
    if (!range) return new Response(`L=${JSON.stringify(L).slice(1, 41)}: want a line or a range of lines, like L=5-24\n`, { status: 400, headers: plain });
    const [slice] = await getLogLines(getPrisma(), id, [range]);
    if (slice === undefined) return new Response(`no bisection ${id}\n`, { status: 404, headers: plain });
    return new Response(slice.endsWith("\n") || slice === "" ? slice : `${slice}\n`, { headers: plain });
  }
  const text = await getRawLog(getPrisma(), id);
  if (text === null) return new Response(`no bisection ${id}\n`, { status: 404, headers: plain });
  return new Response(text, { headers: plain });
});

// every other method: 405 with Allow and why
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], "text");
