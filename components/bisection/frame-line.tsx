import { logUrl } from "@/lib/log-range";
import type { FrameView } from "@/lib/pages/crash";

function hex(n: number | null): string {
  return n === null ? "" : `0x${n.toString(16)}`;
}

/** One frame: `function+off/size` then `file:line` linked to the source, and its log line. */
export function FrameLine({ id, f }: { id: string; f: FrameView }) {
  // muted grey fails contrast on the highlight, so touched frames keep the text colour
  const muted = f.touched ? "" : "text-muted";
  return (
    <div
      className={`frame${f.touched ? " bg-mark" : ""}${f.unreliable && !f.touched ? " text-muted" : ""}`}
      data-frame={f.position}
    >
      <span className={f.guilty ? "break-all font-semibold" : "break-all"}>
        {f.unreliable && <span className="font-sans text-[0.75rem]">? unreliable </span>}
        {f.function}
        {f.offset !== null && <span className={muted}>{`+${hex(f.offset)}/${hex(f.size)}`}</span>}
      </span>
      <span className="frame-where">
      {f.path !== null && f.source !== null ? (
        <a href={f.source}>{f.line !== null && f.line > 0 ? `${f.path}:${f.line}` : f.path}</a>
      ) : (
        <span className={muted}>(no source line)</span>
      )}
      {f.module && <span className={muted}>{`[${f.module}]`}</span>}
      {f.inline && <span className={`frame-note ${muted}`}>inline</span>}
      {f.guilty && <strong className="rounded border border-fg px-1 font-sans text-[0.75rem]">guilty</strong>}
      {f.touched && <strong className="font-sans text-[0.75rem]">touched by culprit</strong>}
      </span>
      <a href={logUrl(id, f.logLine)} className="frame-note">{`L${f.logLine}`}</a>
    </div>
  );
}
