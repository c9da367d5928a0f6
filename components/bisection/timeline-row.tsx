import type React from "react";
import Link from "next/link";
import { shortHash } from "@/lib/format";
import { logHref } from "./log-links";
import { RunStrip } from "./run-strip";
import { Shape } from "./run-shapes";
import { SignatureCellView } from "./signature-cell";
import type { SignatureColumn } from "./signatures";
import { logScale } from "./timeline";
import { stepSubject, type UiStep } from "./types";
import { roleWords, stepVerdict } from "./words";

export interface RowContext {
  id: string;
  type: string;
  columns: SignatureColumn[];
  leftMax: number;
  left: Map<number, number>;
  sameBinary: Map<number, number>;
  foundRow: number | null;
  candidates: Set<string>;
}

function Left({ n, max }: { n: number | undefined; max: number }) {
  if (n === undefined) return <span className="text-muted">–</span>;
  return (
    // the bar is the cell's CSS background (.left-bar), its length a custom property
    <span className="left-n">
      {n}
      <i className="left-bar" style={{ "--w": `${(logScale(n, max) * 100).toFixed(1)}%` } as React.CSSProperties} />
    </span>
  );
}

function stepNotes(s: UiStep): string[] {
  const out: string[] = [];
  if (s.buildError) out.push(`build failed: ${s.buildError.split("\n")[0]}`);
  if (Array.isArray(s.notes)) for (const n of s.notes as { text?: string }[]) if (n?.text) out.push(n.text);
  return out;
}

/** One tested commit: focusable (j/k), and linked to its lines in the log. */
export function TimelineRow({ step, ctx }: { step: UiStep; ctx: RowContext }) {
  const v = stepVerdict(step, ctx.type);
  const subject = stepSubject(step);
  const found = ctx.foundRow === step.index;
  const candidate = ctx.candidates.has(step.commitHash);
  const same = ctx.sameBinary.get(step.index);
  const notes = stepNotes(step);
  const href = logHref(ctx.id, step.line, step.endLine);
  return (
    <tr
      id={`step-${step.index}`}
      data-nav-row
      tabIndex={0}
      aria-label={`#${step.index} ${roleWords(step)} ${shortHash(step.commitHash)} ${v.words}${found ? ", culprit" : ""}`}
      className={`tl-row${found ? " bg-soft font-medium shadow-[inset_3px_0_0_var(--accent)]" : ""}`}
    >
      <td className="text-right">
        <a href={href} title={`log lines ${step.line}–${step.endLine}`} data-row-link>
          {step.index}
        </a>
      </td>
      <td className="whitespace-nowrap">{roleWords(step)}</td>
      <td className="font-mono">
        <Link href={`/c/${step.commitHash}`} title={subject ?? step.commitHash}>
          {shortHash(step.commitHash)}
        </Link>
      </td>
      <td className="tl-subject">
        {subject ?? ""}
      </td>
      <td className="whitespace-nowrap">
        <Shape mark={v.mark} className="mr-1" />
        {v.words}
        {v.git && <span className="text-muted"> ({v.git})</span>}
      </td>
      <td className="text-right whitespace-nowrap">
        <Left n={ctx.left.get(step.index)} max={ctx.leftMax} />
      </td>
      <td className="py-0.5">
        <RunStrip step={step} />
      </td>
      {ctx.columns.map((col) => (
        <SignatureCellView key={col.title} col={col} row={step.index} />
      ))}
      <td className="border-l border-line text-[0.8rem]">
        {found && <strong className="mr-2">◀ {ctx.type === "fix" ? "fix" : "culprit"}</strong>}
        {candidate && <strong className="mr-2">◀ candidate</strong>}
        {same !== undefined && (
          <span className="mr-2 text-muted">
            same binary as <a href={`#step-${same}`}>#{same}</a>
          </span>
        )}
        {notes.map((n) => (
          <span key={n} className="mr-2 text-muted" title={n}>
            {n.length > 60 ? `${n.slice(0, 60)}…` : n}
          </span>
        ))}
      </td>
    </tr>
  );
}
