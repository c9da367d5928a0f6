import { markSummaryWords } from "@/lib/marks/summary";
import { unique } from "@/lib/unique";

interface Props {
  wrong: number;
  right: number;
  bisections: number;
  namedRealCulprit: { bisectionId: string; who: string }[];
}

/** What developers said about this commit: as a culprit found, and as the real culprit named. */
export function CommitMarks(p: Props) {
  if (!p.wrong && !p.right && !p.namedRealCulprit.length) return null;
  const namers = unique(p.namedRealCulprit.map((n) => n.who));
  const where = unique(p.namedRealCulprit.map((n) => n.bisectionId));
  return (
    <section aria-labelledby="commit-marks-h" className="mb-3 rounded border-l-4 border-line bg-soft px-3 py-1">
      <h2 id="commit-marks-h" className="font-semibold">
        Developers
      </h2>
      {(p.wrong > 0 || p.right > 0) && <p data-testid="commit-marks">{markSummaryWords(p, "this culprit")}</p>}
      {namers.length > 0 && (
        <p>
          {namers.length} developer{namers.length === 1 ? "" : "s"} named this the real culprit of{" "}
          {where.map((id, i) => (
            <span key={id}>
              {i > 0 && ", "}
              <a href={`/b/${id}`} className="font-mono underline">
                {id}
              </a>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
