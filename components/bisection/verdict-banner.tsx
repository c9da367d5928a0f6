"use client";
// A client component for the server's sake: React sends its props (the view model) instead of the
// element tree it renders, a fraction of the page's payload (BENCHMARKS.md, "round two").
import { percent } from "@/lib/format";
import { logUrl, rangeLabel } from "@/lib/log-range";
import type { VerdictView } from "@/lib/pages/bisection";
import { TONE_BOX } from "@/components/tone";
import { ChanceLine } from "./chance-line";
import { Backticks } from "@/components/ui/backticks";

function Evidence({ id, ranges }: { id: string; ranges: [number, number][] }) {
  if (!ranges.length) return null;
  return (
    <span className="ml-1 font-mono text-[0.8rem]">
      (
      {ranges.flatMap((r, i) => {
        const a = (
          <a key={r[0]} href={logUrl(id, r[0], r[1])}>
            {rangeLabel(r)}
          </a>
        );
        return i > 0 ? [", ", a] : [a];
      })}
      )
    </span>
  );
}

/** The judge: is this culprit worth believing, and the evidence lines for each reason. */
export function VerdictBanner({ v }: { v: VerdictView }) {
  if (!v.judged) {
    return <p className="mt-2 text-muted">No verdict: the judge only weighs bisections that name a commit or candidates.</p>;
  }
  return (
    <section aria-labelledby="verdict-h" data-testid="verdict" className={`mt-2 border-l-4 px-2 py-1.5 ${TONE_BOX[v.tone]}`}>
      <div className="flex flex-wrap items-baseline gap-x-4">
        <h2 id="verdict-h" className="font-semibold">
          <span aria-hidden="true" className="mr-1.5">
            {v.mark}
          </span>
          {v.heading}
        </h2>
      </div>
      <ChanceLine chance={v.chance} terms={v.chanceTerms} />
      {/* below the judge's own figure, and named as syzkaller's: side by side, 99.5% and 94%
          read as two answers to one question */}
      {v.confidence !== null && (
        <p className="text-[0.8rem] text-muted" data-testid="run-confidence">
          syzkaller&rsquo;s confidence in its run counts: {percent(v.confidence)} (its model, recomputed; it weighs how many runs
          crashed, not whether they crashed with the bug)
        </p>
      )}
      {v.findings.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-fg">
          {v.findings.map((f) => (
            <li key={f.key} className="flex gap-2">
              <span className="sev" title={`severity: ${f.severity}`}>
                <span aria-hidden="true">{`${f.mark} `}</span>
                {f.severity}
              </span>
              <span>
                <Backticks text={f.message} />
                <Evidence id={v.id} ranges={f.evidence} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
