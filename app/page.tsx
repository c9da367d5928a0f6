import Link from "next/link";
import { getPrisma } from "@/lib/db";
import { bisectionNamedBy, listBisections } from "@/lib/data/list";
import { droppedParamNames } from "@/lib/sent-query";
import { decodeCursor, ignoredListParams, listParamProblem, listQuery, offsetProblem, parseListParams, type ListParams } from "@/lib/validations/list";
import { BisectionTable } from "@/components/bisection-list/bisection-table";
import { ListFilters } from "@/components/bisection-list/list-filters";
import { Pagination } from "@/components/data-table/pagination";
import { guardPage } from "@/lib/page-guard";

export const dynamic = "force-dynamic";

const SORTABLE = ["uploaded", "ran", "title", "commit", "tested", "outcome", "verdict"] as const;

function sortHrefs(p: ListParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of SORTABLE) {
    const dir = p.sort === key ? (p.dir === "desc" ? "asc" : "desc") : key === "title" || key === "commit" ? "asc" : "desc";
    out[key] = `/${listQuery({ ...p, sort: key, dir, page: 1, after: undefined, before: undefined })}`;
  }
  return out;
}

function filtered(p: ListParams): boolean {
  return Boolean(p.q || p.path || p.type || p.outcome || p.verdict || p.mark);
}

/** A search's orders, as lore's search offers date and relevance: the list's own sort (newest
 *  first unless a column says otherwise), or best match: the bisections whose crash title holds
 *  the search first, then the other matches, each newest first. */
function SearchOrder({ p }: { p: ListParams }) {
  const href = (sort: ListParams["sort"]) => `/${listQuery({ ...p, sort, dir: "desc", page: 1, after: undefined, before: undefined })}`;
  return (
    <p className="mb-1 text-[0.85rem] text-muted" data-testid="search-order">
      {p.sort === "relevance" ? (
        <>
          matches: <Link href={href("uploaded")}>newest first</Link> · <b aria-current="true">best match</b>: crash titles holding &ldquo;{p.q}&rdquo;
          first, then the other matches, each newest first
        </>
      ) : (
        <>
          matches: <b aria-current="true">{p.sort === "uploaded" ? "newest first" : `by ${p.sort}`}</b> · <Link href={href("relevance")}>best match</Link>
        </>
      )}
    </p>
  );
}

/** What is wrong with the link, in place of the list, and where to go instead. */
function BadLink({ problem, children }: { problem: string; children: React.ReactNode }) {
  return (
    <div>
      <h1 className="mb-2 text-base font-semibold">Bisections</h1>
      <p role="alert" className="rounded border border-line bg-bad-bg p-3 text-bad-fg" data-testid="bad-params">
        This link&rsquo;s {problem}. {children}
      </p>
    </div>
  );
}

async function HomeContent({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = await searchParams;
  const problem = listParamProblem(raw);
  if (problem) {
    return (
      <BadLink problem={problem}>
        <Link href="/">Show every bisection</Link> or search for something else.
      </BadLink>
    );
  }
  const params = parseListParams(raw);
  // with the names Next left out of searchParams (`__proto__`), so they are named too
  const ignored = ignoredListParams({ ...raw, ...Object.fromEntries(droppedParamNames(raw).map((k) => [k, ""])) });
  const deep = offsetProblem(params);
  if (deep) {
    return (
      <BadLink problem={deep}>
        <Link href={`/${listQuery({ ...params, page: 1 })}`}>Open its first page</Link>.
      </BadLink>
    );
  }
  const [page, named] = await Promise.all([listBisections(getPrisma(), params), bisectionNamedBy(getPrisma(), params.q)]);
  const feed = `/feed.atom${listQuery({ q: params.q, path: params.path, type: params.type, outcome: params.outcome, verdict: params.verdict, mark: params.mark })}`;
  return (
    <div>
      <h1 className="mb-2 text-base font-semibold">
        Bisections <span className="font-normal text-muted">({page.total.toLocaleString("en")}
          {page.capped ? "+" : ""})</span>
      </h1>
      <ListFilters params={params} feedHref={feed} />
      {ignored.length > 0 && (
        <p className="mb-2 rounded border border-line bg-soft p-2 text-sm" data-testid="ignored-params">
          Left out of this link, so the list is shown without them: {ignored.join("; ")}.
        </p>
      )}
      {named && (
        <p className="mb-2 rounded border border-line bg-soft p-2" data-testid="named-bisection">
          <span className="font-mono">{named.id}</span> is a bisection:{" "}
          <Link href={`/b/${named.id}`}>{named.title ?? "open it"}</Link>
        </p>
      )}
      {page.total === 0 ? (
        <p className="rounded border border-line bg-soft p-3" data-testid="empty-state">
          {filtered(params) ? (
            <>
              No bisection matches these filters. <Link href="/">Clear the filters</Link> or search for something else.
            </>
          ) : (
            <>
              No bisections yet. <Link href="/upload">Upload a log</Link>, or import many with{" "}
              <code className="font-mono">npm run -s cli -- import DIR</code>.
            </>
          )}
        </p>
      ) : (
        <>
          {params.q && <SearchOrder p={params} />}
          <BisectionTable
            rows={page.rows.map(({ syzbot: _s, marks: _m, ...shown }) => shown)}
            sorting={[{ id: params.sort, desc: params.dir === "desc" }]}
            sortHrefs={sortHrefs(params)}
          />
          <Pagination
            page={page.page}
            pages={page.pages}
            total={page.total}
            capped={page.capped}
            per={page.per}
            // page 2 on from the row the page ends with, back from the row it starts with
            nextHref={page.after ? `/${listQuery({ ...params, page: page.page + 1, after: decodeCursor(page.after) ?? undefined, before: undefined })}` : null}
            prevHref={
              page.page <= 1 ? null : page.page === 2 || !page.before
                ? `/${listQuery({ ...params, page: page.page - 1, after: undefined, before: undefined })}`
                : `/${listQuery({ ...params, page: page.page - 1, after: undefined, before: decodeCursor(page.before) ?? undefined })}`
            }
          />
        </>
      )}
    </div>
  );
}

export default async function Home(props: { searchParams: Promise<Record<string, string | string[]>> }) {
  return guardPage(() => HomeContent(props));
}
