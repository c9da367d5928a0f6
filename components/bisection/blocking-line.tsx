import type { BlockingCrash } from "@/lib/analysis/blocking";
import { shortHash } from "@/lib/format";
import { logUrl } from "@/lib/log-range";

const KIND: Record<BlockingCrash["kind"], string> = {
  "test-failed": "failed basic kernel testing with",
  "boot-failed": "failed to boot with",
};

function name(s: BlockingCrash["steps"][number]): string {
  return s.release ?? shortHash(s.commit);
}

/** The crashes that kept the reproducer from running: "7 commits (v5.10 … v5.4) failed basic
 *  kernel testing with KASAN: ...", each commit one click from its log line. */
export function BlockingLine({ id, blocking }: { id: string; blocking: BlockingCrash[] }) {
  if (blocking.length === 0) return null;
  return (
    <section aria-label="What kept the reproducer from running" data-testid="blocking" className="mt-1.5 rounded border border-warn-fg/40 bg-warn-bg px-2 py-1 text-[0.9rem]">
      {blocking.slice(0, 3).map((b, i) => {
        const first = b.steps[0];
        const last = b.steps[b.steps.length - 1];
        const span = b.steps.length === 1 ? name(first) : `${name(first)} … ${name(last)}`;
        return (
          <p key={i}>
            <span aria-hidden="true" className="text-warn-fg">{b.kind === "boot-failed" ? "▲ " : "⊘ "}</span>
            <strong>
              {b.steps.length} commit{b.steps.length === 1 ? "" : "s"} ({span})
            </strong>{" "}
            {KIND[b.kind]}{" "}
            <span className="font-mono break-words" title={b.title.length > 160 ? b.title : undefined}>
              {b.title.length > 160 ? `${b.title.slice(0, 158)}…` : b.title}
            </span>
            : the reproducer never ran there.{" "}
            <span className="text-muted">
              {b.steps.slice(0, 12).map((s, i) => (
                <span key={s.index}>
                  {i > 0 && " "}
                  <a href={logUrl(id, s.line)} className="font-mono" title={`#${s.index} ${name(s)}${s.failed !== null ? `: ${s.failed} of ${s.runs} runs` : ": all runs"}`}>
                    L{s.line}
                  </a>
                </span>
              ))}
              {b.steps.length > 12 && ` and ${b.steps.length - 12} more`}
            </span>
          </p>
        );
      })}
      {blocking.length > 3 && <p className="text-muted">{moreLine(blocking, 3)}</p>}
    </section>
  );
}

/** The setup failures past the first `shown`, counted as the lines above count: by commit (a
 *  commit listed above is not counted again). */
export function moreLine(blocking: BlockingCrash[], shown: number): string {
  const above = new Set(blocking.slice(0, shown).flatMap((b) => b.steps.map((s) => s.index)));
  const rest = blocking.slice(shown);
  const commits = new Set(rest.flatMap((b) => b.steps.map((s) => s.index)).filter((i) => !above.has(i))).size;
  const failures = rest.length === 1 ? "another setup failure" : `${rest.length} other setup failures`;
  if (commits === 0) return `and ${failures} on the commits above (see the matrix below)`;
  return `and ${commits} more commit${commits === 1 ? "" : "s"} stopped by ${failures} (see the matrix below)`;
}
