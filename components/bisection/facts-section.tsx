"use client";
// A client component for the server's sake: React sends its props (the view model) instead of the
// element tree it renders, a fraction of the page's payload (BENCHMARKS.md, "round two").
import { commitUrl, formatSeconds, shortHash } from "@/lib/format";
import { logUrl } from "@/lib/log-range";
import type { FactsView } from "@/lib/pages/bisection";
import { AddressList } from "@/components/ui/addresses";

const DT = "text-muted whitespace-nowrap";

function Hash({ h }: { h: string | null }) {
  return h ? <a href={commitUrl(h)} className="font-mono">{shortHash(h)}</a> : <span>–</span>;
}

/** Everything else the log states, each with its source. */
export function FactsSection({ f: p }: { f: FactsView }) {
  return (
    <section id="facts" aria-labelledby="facts-h" className="mt-5">
      <h2 id="facts-h" className="text-base font-semibold">
        Facts
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-[0.9rem]">
        <dt className={DT}>start commit</dt>
        <dd><Hash h={p.startCommit} /></dd>
        <dt className={DT}>good commit</dt>
        <dd><Hash h={p.goodCommit} /></dd>
        <dt className={DT}>syzkaller</dt>
        <dd>
          {p.syzkallerCommit ? <a href={`https://github.com/google/syzkaller/commits/${p.syzkallerCommit}`} className="font-mono">{shortHash(p.syzkallerCommit)}</a> : "–"}
          {p.host && <span className="text-muted"> on {p.host}</span>}
        </dd>
        <dt className={DT}>compilers</dt>
        <dd className="font-mono">{p.compilers.length ? p.compilers.join("; ") : "–"}</dd>
        <dt className={DT}>revisions tested</dt>
        <dd>
          {p.revisionsTested}
          {p.commitsInTimeline !== null && <span className="text-muted">{` (syzbot's count; the timeline has ${p.commitsInTimeline} commits)`}</span>}
          {p.initialLeft !== null && <span className="text-muted">{` (after git bisect start: “Bisecting: ${p.initialLeft} revisions left to test after this”)`}</span>}
        </dd>
        <dt className={DT}>time spent</dt>
        <dd>
          {formatSeconds(p.seconds.total)} <span className="text-muted">(build {formatSeconds(p.seconds.build)} / test {formatSeconds(p.seconds.test)})</span>
        </dd>
        {(p.culpritSignature || p.parentSignature) && (
          <>
            <dt className={DT}>culprit / parent kernel</dt>
            <dd className="font-mono">
              {p.culpritSignature?.slice(0, 16) ?? "–"} / {p.parentSignature?.slice(0, 16) ?? "–"}
              <span className="ml-2 font-sans">{p.sameBuild ? <strong className="text-bad-fg">same binary: the culprit changes nothing that was built</strong> : <span className="text-muted">different binaries</span>}</span>
            </dd>
          </>
        )}
        {p.errorProbability !== null && (
          <>
            <dt className={DT}>error probability</dt>
            <dd>{p.errorProbability} <span className="text-muted">(syzkaller&rsquo;s estimate)</span></dd>
          </>
        )}
        {p.flakyText && (
          <>
            <dt className={DT}>reproducer</dt>
            <dd>{p.flakyText}</dd>
          </>
        )}
        <dt className={DT}>kernel signatures</dt>
        <dd data-testid="kernel-signatures">
          {p.kernels.length === 0 ? (
            <span className="text-muted">{p.kernelsWords}</span>
          ) : (
          <details>
            <summary className="cursor-pointer">{p.kernelsWords}</summary>
            <ul className="font-mono text-[0.85rem]">
              {p.kernels.map((k) => (
                <li key={k.index}>
                  #{k.index} {k.signature}
                  {k.sameAs !== null && <span className="font-sans"> same binary as #{k.sameAs}</span>}
                </li>
              ))}
            </ul>
          </details>
          )}
        </dd>
        <dt className={DT}>recipients</dt>
        <dd className="font-mono text-[0.85rem]">
          {p.recipients.to.length > 0 && <div><span className="font-sans text-muted">to: </span><AddressList addresses={p.recipients.to} /></div>}
          {p.recipients.cc.length > 0 && <div><span className="font-sans text-muted">cc: </span><AddressList addresses={p.recipients.cc} /></div>}
          {!p.recipients.to.length && !p.recipients.cc.length && "–"}
        </dd>
        <dt className={DT}>log</dt>
        <dd>
          {p.lineCount} lines
          {p.headTruncated && <strong className="ml-2 text-warn-fg">⚠ head cut off: syzbot dropped the start of an oversized log</strong>}
          {p.truncated && <strong className="ml-2 text-warn-fg">⚠ cut short: the log stops before syzbot's summary lines</strong>}
        </dd>
        {p.warnings.length > 0 && (
          <>
            <dt className={DT}>parser warnings</dt>
            <dd>
              <ul>
                {p.warnings.map((w) => (
                  <li key={`${w.line}-${w.message}`}>
                    <a href={logUrl(p.id, w.line)} className="font-mono">L{w.line}</a> {w.message}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
