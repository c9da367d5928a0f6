"use client";
// The bisection list: TanStack Table owns the columns and header model; sorting and paging
// are done by the server (manualSorting) and driven by links, so the table reads without JS.
import Link from "next/link";
import type { ReactNode } from "react";
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import type { SortingState } from "@tanstack/react-table";
import type { BisectionListRow as ListRow } from "@/lib/view-types";

/** What the table shows of a row: its syzbot links and developers' marks stay out of the
 *  props it travels with to the browser (the JSON list has them). */
export type BisectionTableRow = Omit<ListRow, "syzbot" | "marks">;
import { SortLink } from "@/components/data-table/sort-link";
import { VerdictBadge } from "@/components/verdict-badge";
import { BISECTION_TYPES, isWord, OUTCOME, OUTCOMES } from "@/lib/domain/words";
import { formatDate, formatDay, shortHash } from "@/lib/format";

const features = tableFeatures({ rowSortingFeature });
const col = createColumnHelper<typeof features, BisectionTableRow>();

/** The outcome as a table cell says it ("oldest release", "still on HEAD"). */
function outcomeLabel(r: BisectionTableRow): string {
  return isWord(OUTCOMES, r.outcome) && isWord(BISECTION_TYPES, r.type) ? OUTCOME[r.outcome].label[r.type] : r.outcome;
}

/** The title column's text: the final crash title, else the start's. */
const titleOf = (r: BisectionTableRow) => r.crashTitle ?? r.startTitle ?? "";

/** Each column's cell from its row alone. The columns below render these, and so does the body
 *  directly, without a TanStack cell object per cell (a page of 50 rows has 400 of them; their
 *  per-instance memos were a third of the table's server render, BENCHMARKS.md "round two"). */
const CELLS: Record<string, (r: BisectionTableRow) => ReactNode> = {
  ran: (r) => {
    const v = r.startedAt;
    // logs before mid-2022 do not say when they ran
    if (!v) return <span className="text-muted" title="the log has no `starts bisection` line">–</span>;
    return (
      <time dateTime={v} title={`bisection started ${formatDate(v)} UTC (the log's first line)`}>
        {formatDay(v)}
      </time>
    );
  },
  uploaded: (r) => (
    <time dateTime={r.uploadedAt} title={`uploaded ${formatDate(r.uploadedAt)} UTC`}>
      {formatDay(r.uploadedAt)}
    </time>
  ),
  outcome: (r) => {
    const extra = r.outcome === "inconclusive" ? ` (${r.candidates})` : "";
    return (
      <span title={r.error ?? undefined}>
        {r.type === "fix" && <span className="mr-1 rounded border border-line px-0.5 text-xs" title="a fix bisection">fix</span>}
        {outcomeLabel(r)}
        {extra}
      </span>
    );
  },
  verdict: (r) => <VerdictBadge verdict={r.verdict} title={r.verdictHeadline} />,
  title: (r) => {
    const title = titleOf(r);
    return (
      <>
        {/* 44 to 64 characters a line from xl to 2xl: most titles hold on one line, and one long
            title does not take the others' width */}
        <Link href={`/b/${r.id}`} className="block max-w-[64ch] font-mono break-words xl:min-w-[44ch] 2xl:max-w-none" title={title || undefined} data-nav-row>
          {title || <span className="text-muted">(no crash title)</span>}
        </Link>
        <Folded r={r} />
      </>
    );
  },
  commit: (r) => <FoundCommit r={r} />,
  author: (r) => r.foundCommit?.author ?? "",
  tested: (r) => <span className="block text-right">{r.commitsTested}</span>,
};

const columns = col.columns([
  // the upload day first: every row has one, while only 2022+ logs say when they ran
  col.accessor("uploadedAt", { id: "uploaded", header: "Uploaded", cell: (c) => CELLS.uploaded(c.row.original) }),
  col.accessor("startedAt", { id: "ran", header: "Ran", cell: (c) => CELLS.ran(c.row.original) }),
  col.accessor("outcome", { id: "outcome", header: "Outcome", cell: (c) => CELLS.outcome(c.row.original) }),
  col.accessor("verdict", { id: "verdict", header: "Verdict", cell: (c) => CELLS.verdict(c.row.original) }),
  col.accessor(titleOf, { id: "title", header: "Crash title", cell: (c) => CELLS.title(c.row.original) }),
  col.accessor((r) => r.foundCommit?.hash ?? "", { id: "commit", header: "Found commit", cell: (c) => CELLS.commit(c.row.original) }),
  col.accessor((r) => r.foundCommit?.author ?? "", { id: "author", header: "Author", enableSorting: false }),
  col.accessor("commitsTested", { id: "tested", header: "Tested", cell: (c) => CELLS.tested(c.row.original) }),
]);

/** The found commit (hash and subject), else why there is none. Both wrap rather than cut:
 *  below 2xl the subject stops at ~80 characters a line, the error breaks anywhere (a 40-digit hash). */
function FoundCommit({ r, box = "block max-w-[80ch] 2xl:max-w-none" }: { r: BisectionTableRow; box?: string }) {
  const f = r.foundCommit;
  if (!f && r.error) return <span className={`${box} text-muted wrap-anywhere`}>failed: {r.error}</span>;
  if (!f) return <span className="text-muted">–</span>;
  return (
    // a merge's git:// URL may break, so it does not set the column's narrowest width
    <span className={`${box} wrap-anywhere`}>
      <Link href={`/c/${f.hash}`} className="font-mono">
        {shortHash(f.hash)}
      </Link>{" "}
      {f.subject}
    </span>
  );
}

/** Below md only the title column is shown: its cell carries the verdict, outcome, found commit
 *  and upload day under the title, so a phone reads the crash first and the rest after it. */
function Folded({ r }: { r: BisectionTableRow }) {
  return (
    <div className="text-xs text-muted md:hidden" data-testid="row-fold">
      <VerdictBadge verdict={r.verdict} title={r.verdictHeadline} /> {outcomeLabel(r)}
      {r.outcome === "inconclusive" ? ` (${r.candidates})` : ""} · {r.foundCommit || r.error ? <FoundCommit r={r} box="" /> : "no commit"} ·{" "}
      <time dateTime={r.uploadedAt} className="whitespace-nowrap">{formatDay(r.uploadedAt)}</time>
    </div>
  );
}

// Widths follow the content (table-layout auto): the short columns never wrap and take what
// they hold (a badge is never clipped, an author never cut); the title and the found commit
// wrap in what is left. Below a breakpoint the less important columns are hidden; below md the
// title column alone remains, with the rest folded into it.
const CELL: Record<string, string> = {
  ran: "whitespace-nowrap tabular-nums max-lg:hidden",
  uploaded: "whitespace-nowrap tabular-nums max-md:hidden",
  outcome: "whitespace-nowrap max-md:hidden",
  verdict: "whitespace-nowrap max-md:hidden",
  title: "",
  commit: "max-md:hidden",
  author: "whitespace-nowrap max-lg:hidden",
  tested: "whitespace-nowrap text-right max-md:hidden",
};

export function BisectionTable({
  rows,
  sorting,
  sortHrefs,
}: {
  rows: BisectionTableRow[];
  sorting: SortingState;
  /** for each sortable column id: the href that sorts by it (toggling direction when active) */
  sortHrefs: Record<string, string>;
}) {
  const table = useTable({ features, columns, data: rows, state: { sorting }, manualSorting: true });
  // the body's cells in the table's column order
  const ids = table.getAllLeafColumns().map((c) => c.id);
  return (
    // the box scrolls only if a single word is wider than the screen; the page never does
    <div className="relative overflow-x-auto">
    <table className="w-full border-collapse text-sm" data-testid="bisection-table">
      <thead className="border-b border-line bg-soft text-left">
        {table.getHeaderGroups().map((g) => (
          <tr key={g.id}>
            {g.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              return (
                <th
                  key={h.id}
                  scope="col"
                  className={`px-1.5 py-1 font-medium whitespace-nowrap ${CELL[h.column.id] ?? ""}`}
                  aria-sort={sorted ? (sorted === "desc" ? "descending" : "ascending") : undefined}
                >
                  {h.column.getCanSort() && sortHrefs[h.column.id] ? (
                    <SortLink label={String(h.column.columnDef.header)} href={sortHrefs[h.column.id]} active={!!sorted} desc={sorted === "desc"} />
                  ) : (
                    <table.FlexRender header={h} />
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className="border-b border-line hover:bg-hover">
            {ids.map((id) => (
              <td key={id} className={`px-1.5 py-0.5 align-top ${CELL[id] ?? ""}`}>
                {CELLS[id](r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
