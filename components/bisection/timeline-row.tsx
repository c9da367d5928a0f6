import type React from "react";
import Link from "next/link";
import { foundWord, type BisectionType } from "@/lib/domain/words";
import { shortHash } from "@/lib/format";
import { logUrl } from "@/lib/log-range";
import type { SignatureColumn } from "@/lib/pages/signatures";
import { LONG_NOTE, type TimelineRow as Row } from "@/lib/pages/timeline";
import { RunStrip } from "./run-strip";
import { Shape } from "./run-shapes";
import { SignatureCellView } from "./signature-cell";

function Left({ n, scale }: { n: number | null; scale: number }) {
  if (n === null) return <span className="text-muted">–</span>;
  return (
    // the bar is the cell's CSS background (.left-bar), its length a custom property
    <span className="left-n">
      {n}
      <i className="left-bar" style={{ "--w": `${(scale * 100).toFixed(1)}%` } as React.CSSProperties} />
    </span>
  );
}

/** One tested commit: focusable (j/k), and linked to its lines in the log. */
export function TimelineRow({ id, row, type, columns, subjects }: { id: string; row: Row; type: BisectionType; columns: SignatureColumn[]; subjects: boolean }) {
  const v = row.verdict;
  const href = logUrl(id, row.line, row.endLine);
  return (
    <tr
      id={`step-${row.index}`}
      data-nav-row
      tabIndex={0}
      aria-label={row.label}
      className={`tl-row${row.found ? " bg-soft font-medium shadow-[inset_3px_0_0_var(--accent)]" : ""}`}
    >
      <td className="text-right">
        <a href={href} title={`log lines ${row.line}–${row.endLine}`} data-row-link>
          {row.index}
        </a>
      </td>
      <td className="tl-role">{row.role}</td>
      {/* on a phone the role folds under the commit (drawn from data-role by app/globals.css, so
          the page does not carry it twice) */}
      <td className="font-mono" data-role={row.role}>
        {/* the subject as a tooltip too: its own column shows only on wide screens */}
        <Link href={`/c/${row.commit}`} title={row.subject ?? row.commit}>
          {shortHash(row.commit)}
        </Link>
      </td>
      {/* a grid of one track, so the column asks for the table's subject width where there is room
          and gives it up to 26ch where there is not (app/globals.css); a cut subject is whole in its tooltip */}
      {subjects && (
        <td className="tl-subject" title={row.subject && row.subject.length > 26 ? row.subject : undefined}>
          <div>
            <span>{row.subject ?? ""}</span>
          </div>
        </td>
      )}
      <td className="whitespace-nowrap">
        <Shape mark={v.mark} className="mr-1" />
        {v.words}
        {v.git && <span className="text-muted">{` (${v.git})`}</span>}
      </td>
      <td className="text-right whitespace-nowrap">
        <Left n={row.left} scale={row.leftScale} />
      </td>
      <td className="py-0.5">
        <RunStrip runs={row.runs} />
      </td>
      {columns.map((col, i) => (
        <SignatureCellView key={i} col={col} row={row.index} />
      ))}
      {/* a box of at most 80ch: the table sizes columns by their widest content, and a note of
          several hundred characters would take most of a wide screen while subjects are cut */}
      <td className="tl-notes">
        <div className="tl-notes-box">
        {row.found && <strong className="mr-2">◀ {foundWord(type)}</strong>}
        {row.candidate && <strong className="mr-2">◀ candidate</strong>}
        {row.sameAs !== null && (
          <span className="mr-2 text-muted">
            same binary as <a href={`#step-${row.sameAs}`}>#{row.sameAs}</a>
          </span>
        )}
        {/* a long note (the machinery's `failed: failed to create VM pool: ...`) shows two
            lines, the rest under its disclosure (no JavaScript), so its row stays short */}
        {row.notes.map((n, i) =>
          n.sameAs !== null ? (
            // written out at its first row: here only where, the words as the tooltip
            <span key={i} className="mr-2 text-muted" title={n.text}>
              same {n.kind} as <a href={`#step-${n.sameAs}`}>#{n.sameAs}</a>
            </span>
          ) : n.text.length > LONG_NOTE ? (
            <details key={i} className="tl-note mr-2 text-muted">
              <summary>
                <span className="tl-clamp">{n.text}</span>
              </summary>
            </details>
          ) : (
            <span key={i} className="mr-2 text-muted">
              {n.text}
            </span>
          ),
        )}
        </div>
      </td>
    </tr>
  );
}
