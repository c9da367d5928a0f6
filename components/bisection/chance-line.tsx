// The chance that the result is wrong, with one sentence of what it means and the findings that
// moved it most.
import { chanceWords } from "@/lib/format";

interface Props {
  chance: number | null;
  terms: { feature: string; oddsFactor: number }[];
}

export function ChanceLine({ chance, terms }: Props) {
  if (chance === null) return null;
  const top = terms.slice(0, 4);
  const words = chanceWords(chance);
  return (
    <div data-testid="chance" className="mt-1 text-fg">
      <p>
        <strong>{`Chance this result is wrong: ${words.pct}`}</strong>
        <span className="ml-1 text-[0.85rem]">
          — of the labelled syzbot bisections with findings like these, {words.in100} in 100 blamed the wrong
          commit (a logistic model over the judge&rsquo;s findings, fitted on the labelled corpus; the verdict above does not use it).
        </span>
      </p>
      {top.length > 0 && (
        <p className="text-[0.8rem] text-muted">
          odds moved by:{" "}
          {top.map((t, i) => (
            <span key={t.feature}>
              {i > 0 && ", "}
              <span className="font-mono whitespace-nowrap">{t.feature}</span> ×{t.oddsFactor.toFixed(2)}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
