import { lineRanges, logHref, rangeLabel } from "./log-links";
import { ChanceLine } from "./chance-line";
import type { Finding } from "./types";

const LOOK: Record<string, { cls: string; icon: string; word: string }> = {
  "likely-wrong": { cls: "bg-bad-bg text-bad-fg border-bad-fg", icon: "✖", word: "Likely wrong" },
  doubtful: { cls: "bg-warn-bg text-warn-fg border-warn-fg", icon: "?", word: "Doubtful" },
  clean: { cls: "bg-good-bg text-good-fg border-good-fg", icon: "✓", word: "No warning signs" },
};

const SEVERITY: Record<string, string> = { high: "▲▲", medium: "▲", low: "△", info: "i" };

function Evidence({ id, lines }: { id: string; lines: number[] }) {
  if (!lines.length) return null;
  return (
    <span className="ml-1 font-mono text-[0.8rem]">
      (
      {lineRanges(lines).map((r, i) => (
        <span key={r[0]}>
          {i > 0 && ", "}
          <a href={logHref(id, r[0], r[1])}>{rangeLabel(r)}</a>
        </span>
      ))}
      )
    </span>
  );
}

interface Props {
  id: string;
  verdict: string;
  headline: string | null;
  findings: Finding[];
  confidence: number | null;
  chance?: number | null;
  chanceTerms?: { feature: string; oddsFactor: number }[];
}

/** The judge: is this culprit worth believing, and the evidence lines for each reason. */
export function VerdictBanner({ id, verdict, headline, findings, confidence, chance = null, chanceTerms = [] }: Props) {
  const look = LOOK[verdict];
  if (!look) {
    return <p className="mt-2 text-muted">No verdict: the judge only weighs bisections that name a commit or candidates.</p>;
  }
  return (
    <section aria-labelledby="verdict-h" data-testid="verdict" className={`mt-2 border-l-4 px-2 py-1.5 ${look.cls}`}>
      <div className="flex flex-wrap items-baseline gap-x-4">
        <h2 id="verdict-h" className="font-semibold">
          <span aria-hidden="true" className="mr-1.5">
            {look.icon}
          </span>
          {look.word}
          {verdict !== "clean" && headline ? `: ${headline}` : ""}
        </h2>
        {confidence !== null && (
          <p className="text-[0.85rem]">
            run-count confidence {(confidence * 100).toFixed(1)}%{" "}
            <span className="opacity-90">(syzkaller&rsquo;s model, recomputed: it says nothing about whether the right bug was chased)</span>
          </p>
        )}
      </div>
      <ChanceLine chance={chance} terms={chanceTerms} />
      {findings.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-fg">
          {findings.map((f) => (
            <li key={`${f.rule}-${f.message}`} className="flex gap-2">
              <span className="w-16 shrink-0 text-[0.8rem] font-medium whitespace-nowrap" title={`severity: ${f.severity}`}>
                <span aria-hidden="true">{SEVERITY[f.severity] ?? "·"}</span> {f.severity}
              </span>
              <span>
                {f.message}
                <Evidence id={id} lines={f.lines} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
