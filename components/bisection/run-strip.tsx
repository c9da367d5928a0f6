import type { RunsView } from "@/lib/pages/timeline";
import { RunShapes, Shape } from "./run-shapes";

/** The runs of one tested commit: a strip of shapes, or `all runs: X` in words. */
export function RunStrip({ runs }: { runs: RunsView }) {
  if (runs.kind === "all") {
    return (
      <span title={runs.label} className="inline-flex items-center gap-1 whitespace-nowrap">
        <Shape mark={runs.mark} />
        <span>all {runs.words}</span>
      </span>
    );
  }
  if (runs.kind === "none") return <span className="text-muted">{runs.why}</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-px md:flex-nowrap" aria-label={runs.summary} role="img">
      {runs.runs.map((r) => (
        <RunShapes key={r.key} mark={r.mark} label={r.label} count={r.count} />
      ))}
      {runs.more > 0 && <span className="ml-1 text-[0.8rem] text-muted">+{runs.more.toLocaleString("en")} more runs</span>}
    </span>
  );
}
