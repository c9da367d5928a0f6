import { getPrisma } from "@/lib/db";
import { listBisections } from "@/lib/data/list";
import { parseListParamsStrict } from "@/lib/validations/list";
import { bisectionsAtom } from "@/lib/atom";
import { withDatabase } from "@/lib/db-errors";

export const dynamic = "force-dynamic";

/** Newest bisections first, honouring the list's filters (e.g. `?path=kernel/locking/`). */
export const GET = withDatabase(async function GET(req: Request) {
  const url = new URL(req.url);
  const parsed = parseListParamsStrict({ ...Object.fromEntries(url.searchParams), sort: "uploaded", dir: "desc", page: "1", per: "50" });
  if (!parsed.ok) return new Response(`bad feed filter: ${parsed.error}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  const params = parsed.params;
  const page = await listBisections(getPrisma(), params);
  const filters = [params.q && `search "${params.q}"`, params.path && `path ${params.path}`, params.type, params.outcome, params.verdict]
    .filter(Boolean)
    .join(", ");
  const xml = bisectionsAtom(page.rows, {
    base: url.origin,
    selfHref: url.toString(),
    subtitle: filters ? `filtered: ${filters}` : "all bisections",
  });
  return new Response(xml, { headers: { "content-type": "application/atom+xml; charset=utf-8" } });
});
