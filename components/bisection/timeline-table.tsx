"use client";
// A client component for the server's sake: React sends its props (the view model) instead of the
// element tree it renders, a fraction of the page's payload (BENCHMARKS.md, "round two").
import { Fragment } from "react";
import { MARK } from "@/lib/domain/words";
import { logUrl } from "@/lib/log-range";
import type { TimelineView } from "@/lib/pages/timeline";
import { Shape } from "./run-shapes";
import { SignatureHeader, SignatureKeys } from "./signature-header";
import { RowEnter } from "./row-enter";
import { TimelineRow } from "./timeline-row";

const TH = "px-1.5 py-1 text-left align-bottom font-medium whitespace-nowrap";

/** Tested commits not drawn (a log of thousands): how many, and where they are in the log. */
function Gap({ id, gap }: { id: string; gap: TimelineView["gaps"][number] }) {
  return (
    <tr data-testid="timeline-gap">
      <td colSpan={99} className="px-1.5 py-1 text-muted">
        … {gap.count.toLocaleString("en")} more tested commits, not drawn:{" "}
        <a href={logUrl(id, gap.fromLine, gap.toLine)}>
          log lines {gap.fromLine}–{gap.toLine}
        </a>
      </td>
    </tr>
  );
}

/** Every tested commit in test order, with its runs and, per crash title, k/n. */
export function TimelineTable({ id, t }: { id: string; t: TimelineView }) {
  // the subject column only where some tested commit has one (release-only error bisections have none)
  const subjects = t.rows.some((r) => r.subject);
  const gapBefore = new Map(t.gaps.map((g) => [g.before, g]));
  return (
    <section id="timeline" aria-labelledby="timeline-h" className="mt-4">
      <h2 id="timeline-h" className="mb-1 text-base font-semibold">
        Tested commits ({t.steps})
      </h2>
      <SignatureKeys columns={t.columns} />
      {t.hiddenColumns > 0 && (
        <p className="text-[0.8rem] text-muted" data-testid="hidden-columns">
          and {t.hiddenColumns} more crash titles, seen at fewer commits: not drawn as columns (each row&rsquo;s runs name them)
        </p>
      )}
      {/* a wide matrix scrolls in its own box, with a shadow on each edge that has more beyond it */}
      <div className="scroll-cue relative">
        <table
          className="tl border-collapse text-[0.93rem]"
          style={subjects ? ({ "--tl-subj": t.subjectChars } as React.CSSProperties) : undefined}
        >
          <caption className="sr-only">
            Tested commits in test order, with each run and, per crash title, crashes out of runs at that commit
          </caption>
          <thead className="border-b border-line">
            <tr>
              <th scope="col" className={`${TH} text-right`}>
                #
              </th>
              <th scope="col" className={`${TH} tl-role`}>
                role
              </th>
              <th scope="col" className={TH}>
                commit
              </th>
              {subjects && (
                <th scope="col" className={`${TH} hidden xl:table-cell`}>
                  subject
                </th>
              )}
              <th scope="col" className={TH}>
                verdict
              </th>
              <th scope="col" className={`${TH} text-right`} title="revisions left to test, as git printed it with this commit (bar on a log scale)">
                left
              </th>
              <th scope="col" className={TH}>
                each run
              </th>
              {t.columns.map((c, i) => (
                <SignatureHeader key={i} col={c} i={i} />
              ))}
              <th scope="col" className={`${TH} tl-notes`}>
                notes
              </th>
            </tr>
          </thead>
          <tbody>
            {t.rows.map((r) => (
              <Fragment key={r.index}>
                {gapBefore.get(r.index) && <Gap id={id} gap={gapBefore.get(r.index)!} />}
                <TimelineRow id={id} row={r} type={t.type} columns={t.columns} subjects={subjects} />
              </Fragment>
            ))}
            {gapBefore.get(null) && <Gap id={id} gap={gapBefore.get(null)!} />}
          </tbody>
        </table>
      </div>
      <p className="mt-0.5 text-[0.8rem] text-muted" data-testid="matrix-legend">
        each run: <Shape mark="crashed" />{` ${MARK.crashed} `}<Shape mark="ok" />{` ${MARK.ok} `}<Shape mark="boot" />{` ${MARK.boot} `}<Shape mark="basic" />{` ${MARK.basic} `}
        <Shape mark="failed" />{` ${MARK.failed} `}<Shape mark="ignored" />{` ${MARK.ignored} `}· <span className="font-mono">k/n</span> runs that crashed with the title, of the
        runs at that commit · <span className="font-mono">all</span>: an <code>all runs:</code> line (run count not logged) ·{" "}
        <span className="text-warn-fg">▲</span> failed to boot with it · <span className="text-warn-fg">⊘</span> failed basic kernel
        testing with it (the reproducer did not run) · <span className="text-bad-fg">†</span> not seen again
      </p>
      <RowEnter />
    </section>
  );
}
