import { getPrisma } from "@/lib/db";
import { listBisections } from "@/lib/data/list";
import { parseListParamsStrict, strictQuery } from "@/lib/validations/list";
import { bisectionsAtom } from "@/lib/atom";
import { publicOrigin } from "@/lib/server/public-url";
import { withDatabase } from "@/lib/db-errors";
import { otherMethods } from "@/lib/server/methods";
import { searchParamsAsSent } from "@/lib/sent-query";

export const dynamic = "force-dynamic";

const FEED_IGNORES = ["after", "before", "sort", "dir", "page"];

/** Newest bisections first, honouring the list's filters (e.g. `?path=kernel/locking/`). */
export const GET = withDatabase(async function GET(req: Request) {
  const url = new URL(req.url);
  // newest first, one page: `per` as the list takes it (default 50); a feed always starts at
  // the newest, so the list's paging cursors do not apply
  // the feed always starts at the newest: it takes no paging or sort, and a reader's or a link
  // shortener's tracking parameters (utm_*) are no filter
  const query = strictQuery(searchParamsAsSent(url), (k) => FEED_IGNORES.includes(k) || k.startsWith("utm_"));
  const parsed = query.ok ? parseListParamsStrict({ per: "50", ...query.raw, sort: "uploaded", dir: "desc", page: "1" }) : query;
  if (!parsed.ok) return new Response(`bad feed filter: ${parsed.error}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const params = parsed.params;
  const page = await listBisections(getPrisma(), params);
  const filters = [params.q && `search "${params.q}"`, params.path && `path ${params.path}`, params.type, params.outcome, params.verdict, params.mark && `developers: ${params.mark}`]
    .filter(Boolean)
    .join(", ");
  const origin = publicOrigin(req.headers, req.url);
  const xml = bisectionsAtom(page.rows, {
    base: origin,
    selfHref: `${origin}${url.pathname}${url.search}`,
    subtitle: filters ? `filtered: ${filters}` : "all bisections",
  });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
});

// every other method: 405 with Allow and why
export const { POST, PUT, PATCH, DELETE } = otherMethods(["GET"], "text");
