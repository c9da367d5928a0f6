import { RunShape, Shape } from "./run-shapes";
import { RUN_WORDS, runLabel, runMark, shortTitle } from "./words";
import type { UiStep } from "./types";

/** The runs of a commit in words, for its accessible label: "10 runs: 5 crashed: WARNING in kvm_wait, 5 OK". */
export function runSummary(runs: UiStep["runs"]): string {
  // machinery messages that differ only in an address count as one
  const by = new Map<string, { text: string; n: number }>();
  for (const r of runs) {
    const text = `${RUN_WORDS[r.outcome] ?? r.outcome}${r.title ? `: ${shortTitle(r.title)}` : ""}`;
    const key = text.replace(/\d+/g, "N");
    const e = by.get(key);
    if (e) e.n++;
    else by.set(key, { text, n: 1 });
  }
  return `${runs.length} run${runs.length === 1 ? "" : "s"}: ${[...by.values()].map((e) => `${e.n} ${e.text}`).join(", ")}`;
}

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
    <span className="inline-flex flex-wrap items-center gap-x-px" aria-label={runSummary(step.runs)} role="img">
      {step.runs.map((r) => (
        <RunShape key={r.line} mark={runMark(r.outcome)} label={runLabel(r)} />
      ))}
    </span>
  );
}
