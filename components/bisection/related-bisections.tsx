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
}

/** Other bisections of the same crash title, each with a link to compare it with this one. */
export function RelatedBisections({ id, related, shown, title }: { id: string; related: RelatedBisection[]; shown: number; title: string | null }) {
  if (related.length === 0) return null;
  const more = related.length > shown;
  const rows = related.slice(0, shown);
  // the crash title only where one differs from this page's (they match on start or final title)
  const titles = rows.some((r) => (r.crashSignature?.title ?? null) !== title);
  return (
    <section id="related" aria-labelledby="related-h" className="mt-4">
      <h2 id="related-h" className="mb-1 font-semibold">
        Other bisections of this crash ({more ? `${shown}+` : related.length})
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
              {titles && <td className="related-title font-mono">{r.crashSignature?.title ?? "–"}</td>}
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
        </p>
      )}
    </section>
  );
}
