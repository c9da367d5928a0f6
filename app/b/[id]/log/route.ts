// The raw log with line anchors, as plain streamed HTML (lib/log-page/html.ts says why not React).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { getPrisma } from "@/lib/db";
import { getRawLog } from "@/lib/data/bisection";
import { withDatabase } from "@/lib/db-errors";
import { parseLineRange } from "@/lib/log-range";
import { logPageChunks } from "@/lib/log-page/html";
import { NONCE_HEADER } from "@/lib/server/security-headers";
import { THEME_SCRIPT } from "@/lib/theme-script";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { otherMethods } from "@/lib/server/methods";

export const dynamic = "force-dynamic";

let palette: Promise<string> | null = null;
function paletteCss(): Promise<string> {
  palette ??= readFile(join(process.cwd(), "app", "palette.css"), "utf8").catch(() => "");
  return palette;
}

const plain = { "content-type": "text/plain; charset=utf-8" };

export const GET = withDatabase(async function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  // scripts/serve.ts answers unknown and malformed ids with the site's 404 page before this runs
  if (!bisectionIdSchema.safeParse(id).success) return new Response(`"${id.slice(0, 40)}" is not a bisection id (12 hex digits)\n`, { status: 404, headers: plain });
  const text = await getRawLog(getPrisma(), id);
  if (text === null) return new Response(`no bisection ${id}\n`, { status: 404, headers: plain });
  const chunks = logPageChunks({
    id,
    text,
    selected: parseLineRange(new URL(req.url).searchParams.get("L")),
    nonce: req.headers.get(NONCE_HEADER) ?? "",
    palette: await paletteCss(),
    themeScript: THEME_SCRIPT,
  });
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      const next = chunks.next();
      if (next.done) c.close();
      else c.enqueue(enc.encode(next.value));
    },
  });
  return new Response(body, { headers: { "content-type": "text/html; charset=utf-8" } });
});

// every other method: 405 with Allow and why
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], "text");
