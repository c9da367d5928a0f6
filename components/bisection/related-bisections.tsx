import Link from "next/link";
import { VerdictBadge } from "@/components/verdict-badge";
import type { BisectionType, Outcome, Verdict } from "@/lib/domain/words";
import { formatDate, shortHash } from "@/lib/format";

export interface RelatedBisection {
  id: string;
  type: BisectionType;
  outcome: Outcome;
  verdict: Verdict;
  uploadedAt: Date | string;
  foundCommit: { hash: string; subject: string | null } | null;
  crashSignature: { title: string } | null;
}

/** Other bisections of the same crash title, each with a link to compare it with this one. */
export function RelatedBisections({ id, related }: { id: string; related: RelatedBisection[] }) {
  if (related.length === 0) return null;
  return (
    <section id="related" aria-labelledby="related-h" className="mt-4">
      <h2 id="related-h" className="mb-1 font-semibold">
        Other bisections of this crash ({related.length})
      </h2>
      <div className="relative overflow-x-auto">
      <table className="text-sm">
        <tbody>
          {related.map((r) => (
            <tr key={r.id} className="border-b border-line">
              <td className="py-0.5 pr-4 font-mono">
                <Link href={`/b/${r.id}`}>{r.id}</Link>
              </td>
              <td className="py-0.5 pr-4 text-muted">{formatDate(r.uploadedAt)}</td>
              <td className="py-0.5 pr-4 font-mono">{r.crashSignature?.title ?? "–"}</td>
              <td className="py-0.5 pr-4">
                {r.type} · {r.outcome}
              </td>
              <td className="py-0.5 pr-4 font-mono">
                {r.foundCommit ? (
                  <span title={r.foundCommit.subject ?? undefined}>
                    <Link href={`/c/${r.foundCommit.hash}`}>{shortHash(r.foundCommit.hash)}</Link>
                  </span>
                ) : (
                  "–"
                )}
              </td>
              <td className="py-0.5 pr-4">
                <VerdictBadge verdict={r.verdict} />
              </td>
              <td className="py-0.5">
                <Link href={`/compare?a=${id}&b=${r.id}`}>compare</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </section>
  );
}
