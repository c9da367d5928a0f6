import { NextResponse } from "next/server";
import { publicOrigin } from "@/lib/server/public-url";
import { getPrisma } from "@/lib/db";
import { addMark, MarkError } from "@/lib/ingest/marks";
import { marksOf } from "@/lib/data/marks";
import { guardWrite } from "@/lib/server/write-guard";
import { parseMarkInput } from "@/lib/validations/mark";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { readBodyLimited } from "@/lib/upload-body";
import { withDatabase } from "@/lib/db-errors";
import { otherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

const bad = (error: string, status: number) => NextResponse.json({ error }, { status });

/** A mark's whole body: a verdict, a hash, a 4,000-character note and a link fit many times over. */
const MAX_MARK_BODY = 64 * 1024;
const tooLarge = (what: string) => new MarkError(`the body is ${what}; a mark is at most 64 KiB (${MAX_MARK_BODY} bytes): verdict, culprit, a note of up to 4,000 characters and a lore link`, 413);

/** The body as fields, read through the counting reader whether or not it says its length. */
async function readBody(req: Request): Promise<unknown> {
  const type = (req.headers.get("content-type") ?? "").toLowerCase();
  const json = type.startsWith("application/json");
  const form = type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
  if (!json && !form) throw new MarkError(`unsupported Content-Type ${type || "(none)"}: send application/json {verdict, culprit?, note?, lore?} or a form`, 400);
  const bytes = await readBodyLimited(req, MAX_MARK_BODY, tooLarge);
  if (json) {
    try {
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new MarkError('the body is not valid JSON; send {"verdict": "wrong", "culprit": "<hash>", "note": "..."}', 400);
    }
  }
  const fields = await new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? type } }).formData().catch(() => null);
  if (!fields) throw new MarkError("could not read the form body", 400);
  return Object.fromEntries([...fields.entries()].filter(([, v]) => typeof v === "string"));
}

/** A developer's mark: 201 with the mark and every mark on the bisection; 401/403 without a write token, 429 over the rate. */
export const POST = withDatabase(async function POST(req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  if (!bisectionIdSchema.safeParse(id).success) return bad(`"${id}" is not a bisection id (12 hex digits)`, 400);
  const auth = await guardWrite(req);
  if (!auth.ok) return NextResponse.json({ error: auth.error }, { status: auth.status, headers: auth.retryAfter ? { "Retry-After": String(auth.retryAfter) } : {} });
  try {
    const parsed = parseMarkInput(await readBody(req));
    if (!parsed.ok) return bad(parsed.error, 400);
    const mark = await addMark(getPrisma(), id, auth.who, parsed.mark);
    return NextResponse.json({ mark, marks: await marksOf(getPrisma(), id) }, { status: 201, headers: { Location: `${publicOrigin(req.headers, req.url)}/b/${id}#marks` } });
  } catch (e) {
    if (e instanceof MarkError) return bad(e.message, e.status);
    throw e;
  }
});

/** Every mark on the bisection, oldest first (history: nothing is overwritten). */
export const GET = withDatabase(async function GET(_req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  if (!bisectionIdSchema.safeParse(id).success) return bad(`"${id}" is not a bisection id (12 hex digits)`, 400);
  if (!(await getPrisma().bisection.count({ where: { id } }))) return bad(`no bisection ${id}`, 404);
  return NextResponse.json(await marksOf(getPrisma(), id));
});

// every other method: 405 with Allow and why
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"], "json");
