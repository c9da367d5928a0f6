import { sourceUrl } from "@/lib/format";
import { logHref } from "./log-links";
import type { UiFrame } from "./types";

export interface FrameMarks {
  id: string;
  /** commit the source links point at */
  hash: string;
  guilty: number | null;
  touched: Set<string>;
}

function hex(n: number | null): string {
  return n === null ? "" : `0x${n.toString(16)}`;
}

/** One frame: `function+off/size` then `file:line` linked to the source, and its log line. */
export function FrameLine({ f, marks }: { f: UiFrame; marks: FrameMarks }) {
  const file = f.file?.replace(/^\.\//, "") ?? null;
  const touched = file !== null && marks.touched.has(file);
  const guilty = marks.guilty === f.position;
  // muted grey fails contrast on the highlight, so touched frames keep the text colour
  const muted = touched ? "" : "text-muted";
  return (
    <div
      className={`frame${touched ? " bg-mark" : ""}${f.unreliable && !touched ? " text-muted" : ""}`}
      data-frame={f.position}
    >
      <span className={guilty ? "break-all font-semibold" : "break-all"}>
        {f.unreliable && <span className="font-sans text-[0.75rem]">? unreliable </span>}
        {f.function}
        {f.offset !== null && <span className={muted}>+{hex(f.offset)}/{hex(f.size)}</span>}
      </span>
      <span className="frame-where">
      {file ? (
        <a href={sourceUrl(file, marks.hash, f.line)}>
          {file}
          {f.line !== null && f.line > 0 ? `:${f.line}` : ""}
        </a>
      ) : (
        <span className={muted}>(no source line)</span>
      )}
      {f.module && <span className={muted}>[{f.module}]</span>}
      {f.inline && <span className={`frame-note ${muted}`}>inline</span>}
      {guilty && <strong className="rounded border border-fg px-1 font-sans text-[0.75rem]">guilty</strong>}
      {touched && <strong className="font-sans text-[0.75rem]">touched by culprit</strong>}
      </span>
      <a href={logHref(marks.id, f.logLine)} className="frame-note">
        L{f.logLine}
      </a>
    </div>
  );
}
