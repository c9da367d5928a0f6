import Link from "next/link";

/** Page links under a server-paginated table. `hrefFor(page)` keeps the other URL state; the
 *  list passes its own previous / next links instead (`prevHref`, `nextHref`: positions in its
 *  order, so a deep page reads no more than the first; null where there is no such page). */
export function Pagination({
  page,
  pages,
  total,
  capped = false,
  per,
  hrefFor,
  prevHref,
  nextHref,
}: {
  page: number;
  pages: number;
  total: number;
  capped?: boolean;
  per: number;
  hrefFor?: (page: number) => string;
  prevHref?: string | null;
  nextHref?: string | null;
}) {
  const first = total === 0 ? 0 : (page - 1) * per + 1;
  const last = capped ? page * per : Math.min(total, page * per);
  const prev = prevHref !== undefined ? prevHref : page > 1 && hrefFor ? hrefFor(page - 1) : null;
  const next = nextHref !== undefined ? nextHref : page < pages && hrefFor ? hrefFor(page + 1) : null;
  return (
    <nav aria-label="Pages" className="mt-2 flex items-center gap-3 text-sm text-muted">
      <span>
        {first.toLocaleString("en")}–{last.toLocaleString("en")} of {total.toLocaleString("en")}
        {capped ? "+" : ""}
      </span>
      {prev ? <Link href={prev} rel="prev">← previous</Link> : <span aria-disabled>← previous</span>}
      <span>
        page {page.toLocaleString("en")}
        {capped ? "" : ` of ${pages.toLocaleString("en")}`}
      </span>
      {next ? <Link href={next} rel="next">next →</Link> : <span aria-disabled>next →</span>}
    </nav>
  );
}
