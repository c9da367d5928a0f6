import { getPrisma } from "@/lib/db";
import { listBisections } from "@/lib/data/list";
import { parseListParams } from "@/lib/validations/list";
import { bisectionsAtom } from "@/lib/atom";

export const dynamic = "force-dynamic";

/** Newest bisections first, honouring the list's filters (e.g. `?path=kernel/locking/`). */
export async function GET(req: Request) {
  const url = new URL(req.url);
  const raw = Object.fromEntries(url.searchParams);
  const params = parseListParams({ ...raw, sort: "uploaded", dir: "desc", page: 1, per: 50 });
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
}
