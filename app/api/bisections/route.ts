import { NextResponse } from "next/server";
import { getPrisma } from "@/lib/db";
import { IngestError } from "@/lib/ingest";
import { ingestUpload, SyzbotError } from "@/lib/ingest/syzbot";
import { fetchConfigFromEnv } from "@/lib/syzbot/fetch";
import { readLogFromRequest } from "@/lib/upload-body";
import { listBisections } from "@/lib/data/list";
import { parseListParamsStrict, strictQuery } from "@/lib/validations/list";
import { guardWrite } from "@/lib/server/write-guard";
import { publicOrigin } from "@/lib/server/public-url";
import { withDatabase } from "@/lib/db-errors";
import { otherMethods } from "@/lib/server/methods";
import { searchParamsAsSent } from "@/lib/sent-query";

export const dynamic = "force-dynamic";

/** Upload a log or a syzbot link: 201 {id, url, duplicate:false}, 200 for a known log, 400/413
 *  with the reason; 401/403 without a write right, 429 over the rate limit (lib/server/write-guard.ts);
 *  a syzbot fetch's 403/404/413/502/504 (lib/ingest/syzbot.ts); 503 when the database is down. */
export const POST = withDatabase(async function POST(req: Request) {
  const guard = await guardWrite(req);
  if (!guard.ok) {
    const headers: Record<string, string> = guard.retryAfter ? { "Retry-After": String(guard.retryAfter) } : {};
    if (guard.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="bisectview uploads"';
    return NextResponse.json({ error: guard.error }, { status: guard.status, headers });
  }
  try {
    const body = await readLogFromRequest(req);
    const res = await ingestUpload(getPrisma(), body, fetchConfigFromEnv());
    const origin = publicOrigin(req.headers, req.url);
    const url = `${origin}/b/${res.id}`;
    const bisections = res.bisections.map((b) => ({ ...b, url: `${origin}/b/${b.id}` }));
    return NextResponse.json(
      { id: res.id, url, duplicate: res.duplicate, outcome: res.outcome, warnings: res.warnings, bisections },
      { status: res.duplicate ? 200 : 201, headers: { Location: url } },
    );
  } catch (e) {
    if (e instanceof IngestError) return NextResponse.json({ error: e.message, line: e.line }, { status: e.status });
    if (e instanceof SyzbotError) return NextResponse.json({ error: e.message, line: null }, { status: e.status });
    throw e;
  }
});

/** The list as JSON, with the same filters, sort and pagination as `/`. */
export const GET = withDatabase(async function GET(req: Request) {
  const query = strictQuery(searchParamsAsSent(new URL(req.url)));
  if (!query.ok) return NextResponse.json({ error: query.error }, { status: 400 });
  const parsed = parseListParamsStrict(query.raw);
  if (!parsed.ok) return NextResponse.json({ error: parsed.error }, { status: 400 });
  return NextResponse.json(await listBisections(getPrisma(), parsed.params));
});

// every other method: 405 with Allow and why
export const { PUT, PATCH, DELETE } = otherMethods(["GET", "POST"], "json");
