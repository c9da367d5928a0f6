import { formatDate, shortHash } from "@/lib/format";
import { markSummaryWords, summarizeMarks, type MarkView } from "@/lib/marks/summary";
import { writeTokens } from "@/lib/server/auth";
import { MarkForm } from "./mark-form";

/** Developers' verdicts beside the judge's: the current count, the history, and a form to add one. */
export function DeveloperMarks({ id, marks, foundHash }: { id: string; marks: MarkView[]; foundHash: string | null }) {
  const s = summarizeMarks(marks);
  const tone = s.wrong && !s.right ? "border-bad-fg" : s.right && !s.wrong ? "border-good-fg" : "border-line";
  return (
    <section id="marks" aria-labelledby="marks-h" className={`my-2 rounded border-l-4 ${tone} bg-soft px-3 py-2`}>
      <h2 id="marks-h" className="font-semibold">
        Developers: <span data-testid="marks-summary">{markSummaryWords(s, foundHash ? "this culprit" : "this bisection")}</span>
      </h2>
      {s.culprits.length > 0 && (
        <p>
          real culprit named:{" "}
          {s.culprits.map((c, i) => (
            <span key={c.hash}>
              {i > 0 && ", "}
              <a href={`/c/${c.hash}`} className="font-mono underline">
                {shortHash(c.hash)}
              </a>{" "}
              <span className="text-muted">(by {c.by})</span>
            </span>
          ))}
        </p>
      )}
      {marks.length > 0 && (
        <ol className="mt-1 space-y-0.5 text-[0.9rem]">
          {[...marks].reverse().map((m) => (
            <li key={m.id} className={s.superseded.has(m.id) ? "text-muted line-through decoration-1" : ""}>
              <strong>{m.who}</strong> <span className="text-muted">{formatDate(m.createdAt)}</span>: {m.verdict}
              {m.realCulprit && (
                <>
                  , the real culprit is{" "}
                  <a href={`/c/${m.realCulprit}`} className="font-mono underline">
                    {shortHash(m.realCulprit)}
                  </a>
                </>
              )}
              {m.note && <> — {m.note}</>}
              {m.loreLink && (
                <>
                  {" "}
                  (<a href={m.loreLink} className="underline" rel="nofollow noopener noreferrer">
                    lore
                  </a>)
                </>
              )}
              {s.superseded.has(m.id) && <span className="sr-only"> (replaced by a later mark)</span>}
            </li>
          ))}
        </ol>
      )}
      <details className="mt-1">
        <summary className="cursor-pointer">Mark this bisection</summary>
        <MarkForm id={id} tokenField={writeTokens().length > 0} />
      </details>
    </section>
  );
}
