"use client";
// A client component for the server's sake: React sends its props (the view model) instead of the
// element tree it renders, a fraction of the page's payload (BENCHMARKS.md, "round two").
import Link from "next/link";
import { VerdictBadge } from "@/components/verdict-badge";
import type { BisectionType, Outcome, Verdict } from "@/lib/domain/words";
import { formatDate, formatDay, shortHash } from "@/lib/format";

export interface RelatedBisection {
  id: string;
  type: BisectionType;
  outcome: Outcome;
  verdict: Verdict;
  uploadedAt: Date | string;
  /** when syzbot ran it, where the log says (`<host> starts bisection <time>`) */
  startedAt: Date | string | null;
  foundCommit: { hash: string; subject: string | null } | null;
  crashSignature: { title: string } | null;
  startSignature?: { title: string } | null;
}

/** Is a related row a bisection of this page's crash, or only of the crash its start commit
 *  showed (a bisection that chased another crash is listed beside the bisections of that one)? */
export function ofStartCrashOnly(r: RelatedBisection, title: string | null): boolean {
  if (title === null) return false;
  return r.crashSignature?.title !== title && r.startSignature?.title !== title;
}

/** Other bisections of the same crash title, each with a link to compare it with this one. */
export function RelatedBisections({
  id,
  related,
  shown,
  title,
  startTitle = null,
}: {
  id: string;
  related: RelatedBisection[];
  shown: number;
  title: string | null;
  /** the crash at this bisection's start commit, when it differs from `title` */
  startTitle?: string | null;
}) {
  if (related.length === 0) return null;
  const more = related.length > shown;
  const rows = related.slice(0, shown);
  // the crash title only where one differs from this page's (they match on start or final title)
  const titles = rows.some((r) => (r.crashSignature?.title ?? null) !== title);
  const other = startTitle !== null && startTitle !== title ? startTitle : null;
  const ofStart = other !== null && rows.some((r) => ofStartCrashOnly(r, title));
  return (
    <section id="related" aria-labelledby="related-h" className="mt-4">
      <h2 id="related-h" className="mb-1 font-semibold">
        {`${ofStart ? "Other bisections of this crash and of the start commit's crash" : "Other bisections of this crash"} (${more ? `${shown}+` : related.length})`}
      </h2>
      <div className="relative scroll-cue">
      <table className="related text-sm">
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="font-mono">
                <Link href={`/b/${r.id}`}>{r.id}</Link>
              </td>
              {/* when syzbot ran it where the log says so, else when it was uploaded */}
              <td className="text-muted whitespace-nowrap">{r.startedAt ? formatDate(r.startedAt) : `uploaded ${formatDay(r.uploadedAt)}`}</td>
              {titles && (
                <td className="related-title">
                  <span className="font-mono">{r.crashSignature?.title ?? "–"}</span>
                  {ofStart && ofStartCrashOnly(r, title) && <span className="text-muted"> · the crash at this log&rsquo;s start commit</span>}
                </td>
              )}
              <td className="whitespace-nowrap">{`${r.type} · ${r.outcome}`}</td>
              <td className="font-mono">
                {r.foundCommit ? (
                  <Link href={`/c/${r.foundCommit.hash}`} title={r.foundCommit.subject ?? r.foundCommit.hash}>
                    {shortHash(r.foundCommit.hash)}
                  </Link>
                ) : (
                  "–"
                )}
              </td>
              <td>
                <VerdictBadge verdict={r.verdict} />
              </td>
              <td>
                <Link href={`/compare?a=${id}&b=${r.id}`}>compare</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {more && title && (
        <p className="text-[0.9rem]">
          <Link href={`/?q=${encodeURIComponent(title)}`}>every bisection of &ldquo;{title}&rdquo;</Link>
          {other && (
            <>
              {" · "}
              <Link href={`/?q=${encodeURIComponent(other)}`}>every bisection of &ldquo;{other}&rdquo;</Link>
            </>
          )}
        </p>
      )}
    </section>
  );
}
