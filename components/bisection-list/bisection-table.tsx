"use client";
// The bisection list: TanStack Table owns the columns and header model; sorting and paging
// are done by the server (manualSorting) and driven by links, so the table reads without JS.
import Link from "next/link";
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable } from "@tanstack/react-table";
import type { SortingState } from "@tanstack/react-table";
import type { BisectionListRow } from "@/lib/view-types";
import { SortLink } from "@/components/data-table/sort-link";
import { VerdictBadge } from "@/components/verdict-badge";
import { BISECTION_TYPES, isWord, OUTCOME, OUTCOMES } from "@/lib/domain/words";
import { formatDate, formatDay, shortHash } from "@/lib/format";

const features = tableFeatures({ rowSortingFeature });
const col = createColumnHelper<typeof features, BisectionListRow>();

/** The outcome as a table cell says it ("oldest release", "still on HEAD"). */
function outcomeLabel(r: BisectionListRow): string {
  return isWord(OUTCOMES, r.outcome) && isWord(BISECTION_TYPES, r.type) ? OUTCOME[r.outcome].label[r.type] : r.outcome;
}

const columns = col.columns([
  col.accessor("startedAt", {
    id: "ran",
    header: "Ran",
    cell: (c) => {
      const v = c.getValue();
      // logs before mid-2022 do not say when they ran
      if (!v) return <span className="text-muted" title="the log has no `starts bisection` line">–</span>;
      return (
        <time dateTime={v} title={`bisection started ${formatDate(v)} UTC (the log's first line)`}>
          {formatDay(v)}
        </time>
      );
    },
  }),
  col.accessor("uploadedAt", {
    id: "uploaded",
    header: "Uploaded",
    cell: (c) => (
      <time dateTime={c.getValue()} title={`uploaded ${formatDate(c.getValue())} UTC`}>
        {formatDay(c.getValue())}
      </time>
    ),
  }),
  col.accessor("outcome", {
    id: "outcome",
    header: "Outcome",
    cell: (c) => {
      const r = c.row.original;
      const extra = r.outcome === "inconclusive" ? ` (${r.candidates})` : "";
      return (
        <span title={r.error ?? undefined}>
          {r.type === "fix" && <span className="mr-1 rounded border border-line px-0.5 text-xs" title="a fix bisection">fix</span>}
          {outcomeLabel(r)}
          {extra}
        </span>
      );
    },
  }),
  col.accessor("verdict", {
    id: "verdict",
    header: "Verdict",
    cell: (c) => <VerdictBadge verdict={c.getValue()} title={c.row.original.verdictHeadline} />,
  }),
  col.accessor((r) => r.crashTitle ?? r.startTitle ?? "", {
    id: "title",
    header: "Crash title",
    cell: (c) => (
      <Link href={`/b/${c.row.original.id}`} className="font-mono" title={c.getValue() || undefined} data-nav-row>
        {c.getValue() || <span className="text-muted">(no crash title)</span>}
      </Link>
    ),
  }),
  col.accessor((r) => r.foundCommit?.hash ?? "", {
    id: "commit",
    header: "Found commit",
    cell: (c) => {
      const r = c.row.original;
      const f = r.foundCommit;
      if (!f && r.error)
        return (
          <span className="text-muted" title={r.error}>
            failed: {r.error}
          </span>
        );
      if (!f) return <span className="text-muted">–</span>;
      return (
        <span className="flex min-w-0 gap-1.5">
          <Link href={`/c/${f.hash}`} className="shrink-0 font-mono">
            {shortHash(f.hash)}
          </Link>
          <span className="truncate" title={f.subject ?? undefined}>
            {f.subject}
          </span>
        </span>
      );
    },
  }),
  col.accessor((r) => r.foundCommit?.author ?? "", { id: "author", header: "Author", enableSorting: false }),
  col.accessor("commitsTested", {
    id: "tested",
    header: "Tested",
    cell: (c) => <span className="block text-right">{c.getValue()}</span>,
  }),
]);

// the crash title takes what the others leave: at 1366 px about 60 characters
const WIDTH: Record<string, string> = {
  ran: "w-[6.25rem] tabular-nums",
  uploaded: "w-[6.25rem] tabular-nums",
  outcome: "w-28",
  verdict: "w-32",
  commit: "w-[28%]",
  author: "w-36",
  tested: "w-14 text-right",
};

export function BisectionTable({
  rows,
  sorting,
  sortHrefs,
}: {
  rows: BisectionListRow[];
  sorting: SortingState;
  /** for each sortable column id: the href that sorts by it (toggling direction when active) */
  sortHrefs: Record<string, string>;
}) {
  const table = useTable({ features, columns, data: rows, state: { sorting }, manualSorting: true });
  return (
    // below ~60rem the table scrolls in its own box rather than the page
    <div className="relative overflow-x-auto">
    <table className="w-full min-w-[60rem] table-fixed border-collapse text-sm">
      <thead className="border-b border-line bg-soft text-left">
        {table.getHeaderGroups().map((g) => (
          <tr key={g.id}>
            {g.headers.map((h) => {
              const sorted = h.column.getIsSorted();
              return (
                <th
                  key={h.id}
                  scope="col"
                  className={`px-1.5 py-1 font-medium ${WIDTH[h.column.id] ?? ""}`}
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
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className="border-b border-line hover:bg-hover">
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className="truncate px-1.5 py-0.5 align-top">
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
