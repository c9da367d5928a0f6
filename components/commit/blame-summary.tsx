import { VerdictBadge } from "@/components/verdict-badge";

interface Blamed {
  verdict: string;
  crashSignature: { title: string } | null;
  startSignature: { title: string } | null;
}

/** How often a commit was blamed, for which crashes, with which verdicts: a serial false
 *  culprit (a detector, a change that makes many bugs reachable) shows at once. */
export function CommitBlameSummary({ found }: { found: Blamed[] }) {
  if (found.length === 0) return null;
  const byVerdict = new Map<string, number>();
  const byTitle = new Map<string, number>();
  for (const b of found) {
    byVerdict.set(b.verdict, (byVerdict.get(b.verdict) ?? 0) + 1);
    const t = b.crashSignature?.title ?? b.startSignature?.title ?? "(no title)";
    byTitle.set(t, (byTitle.get(t) ?? 0) + 1);
  }
  const serial = byTitle.size >= 3;
  return (
    <section aria-labelledby="record-h" className="mb-4 rounded border border-line bg-soft p-2 text-sm">
      <h2 id="record-h" className="font-semibold">
        Record: blamed {found.length} time{found.length === 1 ? "" : "s"}, for {byTitle.size} different crash title
        {byTitle.size === 1 ? "" : "s"}
      </h2>
      {serial && (
        <p className="my-1 text-warn-fg">
          <span aria-hidden>▲ </span>A commit blamed for many different crashes is more often a detector or a change that
          makes old bugs reachable than the cause of each: check every one.
        </p>
      )}
      <p className="my-1 flex flex-wrap gap-2">
        {[...byVerdict].map(([v, n]) => (
          <span key={v}>
            <VerdictBadge verdict={v} /> ×{n}
          </span>
        ))}
      </p>
      <ul className="font-mono">
        {[...byTitle].sort((a, b) => b[1] - a[1]).map(([t, n]) => (
          <li key={t}>
            {n}× {t}
          </li>
        ))}
      </ul>
    </section>
  );
}
