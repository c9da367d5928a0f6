import Link from "next/link";

/** Page links under a server-paginated table. `hrefFor(page)` keeps the other URL state. */
export function Pagination({
  page,
  pages,
  total,
  capped = false,
  per,
  hrefFor,
}: {
  page: number;
  pages: number;
  total: number;
  capped?: boolean;
  per: number;
  hrefFor: (page: number) => string;
}) {
  const first = total === 0 ? 0 : (page - 1) * per + 1;
  const last = Math.min(total, page * per);
  return (
    <nav aria-label="Pages" className="mt-2 flex items-center gap-3 text-sm text-muted">
      <span>
        {first}–{last} of {total.toLocaleString("en")}
        {capped ? "+" : ""}
      </span>
      {page > 1 ? <Link href={hrefFor(page - 1)} rel="prev">← previous</Link> : <span aria-disabled>← previous</span>}
      <span>
        page {page} of {pages}
      </span>
      {page < pages ? <Link href={hrefFor(page + 1)} rel="next">next →</Link> : <span aria-disabled>next →</span>}
    </nav>
  );
}
