// Commits that could not be built: git skipped each, so an error that stops many of them is why
// a bisection ended wide or inconclusive. One line per error, most commits first, each commit one
// click from its log line.
import type { BuildFailure } from "@/lib/pages/timeline";
import { logUrl } from "@/lib/log-range";

const SHOWN = 3;

export function BuildFailures({ id, builds, tested }: { id: string; builds: BuildFailure[]; tested: number }) {
  if (builds.length === 0) return null;
  const commits = builds.reduce((n, b) => n + b.steps.length, 0);
  return (
    <section aria-label="Commits that could not be built" data-testid="build-failures" className="mt-1.5 rounded border border-warn-fg/40 bg-warn-bg px-2 py-1 text-[0.9rem]">
      <p>
        <strong>
          {commits} of {tested} tested commits could not be built
        </strong>{" "}
        (git skipped {commits === 1 ? "it" : "them"}):
      </p>
      {builds.slice(0, SHOWN).map((b) => (
        <p key={b.error} className="pl-3">
          {b.steps.length} × <span className="font-mono break-words">{b.error.length > 200 ? `${b.error.slice(0, 198)}…` : b.error}</span>{" "}
          <span className="text-muted">
            {b.steps.slice(0, 8).map((s, i) => (
              <span key={s.index}>
                {i > 0 && " "}
                <a href={`#step-${s.index}`} className="font-mono">
                  #{s.index}
                </a>
              </span>
            ))}
            {b.steps.length > 8 && ` and ${b.steps.length - 8} more`} (first at{" "}
            <a href={logUrl(id, b.steps[0].line)} className="font-mono">
              L{b.steps[0].line}
            </a>
            )
          </span>
        </p>
      ))}
      {builds.length > SHOWN && <p className="pl-3 text-muted">and {builds.length - SHOWN} other build errors (see the timeline&rsquo;s notes)</p>}
    </section>
  );
}
