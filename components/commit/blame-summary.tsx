import { VerdictBadge } from "@/components/verdict-badge";
import type { BlameRecord } from "@/lib/pages/commit";

/** How often a commit was blamed, for which crashes, with which verdicts: a serial false
 *  culprit (a detector, a change that makes many bugs reachable) shows at once. */
export function CommitBlameSummary({ record: r }: { record: BlameRecord }) {
  return (
    <section aria-labelledby="record-h" className="mb-4 rounded border border-line bg-soft p-2 text-sm">
      <h2 id="record-h" className="font-semibold">
        Record: blamed {r.count} time{r.count === 1 ? "" : "s"}, for {r.byTitle.length} different crash title
        {r.byTitle.length === 1 ? "" : "s"}
      </h2>
      {r.serial && (
        <p className="my-1 text-warn-fg">
          <span aria-hidden>▲ </span>A commit blamed for many different crashes is more often a detector or a change that
          makes old bugs reachable than the cause of each: check every one.
        </p>
      )}
      <p className="my-1 flex flex-wrap gap-2">
        {r.byVerdict.map(({ verdict, n }) => (
          <span key={verdict}>
            <VerdictBadge verdict={verdict} /> ×{n}
          </span>
        ))}
      </p>
      <ul className="font-mono">
        {r.byTitle.map(({ title, n }, i) => (
          <li key={i}>
            {n}× {title}
          </li>
        ))}
      </ul>
    </section>
  );
}
