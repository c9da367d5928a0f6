import { RunShape, Shape } from "./run-shapes";
import { RUN_WORDS, runLabel, runMark } from "./words";
import type { UiStep } from "./types";

/** The runs of one tested commit: a strip of shapes, or `all runs: X` in words. */
export function RunStrip({ step }: { step: UiStep }) {
  if (step.allRunsOutcome) {
    const word = RUN_WORDS[step.allRunsOutcome] ?? step.allRunsOutcome;
    const label = `all runs ${word}${step.allRunsTitle ? `: ${step.allRunsTitle}` : ""} (run count not logged)`;
    return (
      <span title={label} className="inline-flex items-center gap-1 whitespace-nowrap">
        <Shape mark={runMark(step.allRunsOutcome)} />
        <span>all {word}</span>
      </span>
    );
  }
  if (!step.runs.length) {
    const why = step.buildError ? "build failed" : step.untested ? "not tested" : "no runs";
    return <span className="text-muted">{why}</span>;
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-x-px" aria-label={`${step.runs.length} runs`} role="group">
      {step.runs.map((r) => (
        <RunShape key={`${r.index}-${r.line}`} mark={runMark(r.outcome)} label={runLabel(r)} />
      ))}
    </span>
  );
}
