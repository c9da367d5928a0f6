import { logUrl } from "@/lib/log-range";
import type { FrameView } from "@/lib/pages/bisection";

function hex(n: number | null): string {
  return n === null ? "" : `0x${n.toString(16)}`;
}

/** One frame: `function+off/size` then `file:line` linked to the source, and its log line. */
export function FrameLine({ id, f }: { id: string; f: FrameView }) {
  // muted grey fails contrast on the highlight, so touched frames keep the text colour
  const muted = f.touched ? "" : "text-muted";
  return (
    <div
      className={`grid grid-cols-[minmax(0,46ch)_1fr_auto] items-baseline gap-x-2 px-1 font-mono text-[0.85rem] leading-snug ${f.touched ? "bg-mark" : ""} ${f.unreliable && !f.touched ? "text-muted" : ""}`}
      data-frame={f.position}
    >
      <span className={`break-all ${f.guilty ? "font-semibold" : ""}`}>
        {f.unreliable && <span className="font-sans text-[0.75rem]">? unreliable </span>}
        {f.function}
        {f.offset !== null && <span className={muted}>+{hex(f.offset)}/{hex(f.size)}</span>}
      </span>
      <span className="flex flex-wrap items-baseline gap-x-2">
      {f.path !== null && f.source !== null ? (
        <a href={f.source}>
          {f.path}
          {f.line !== null && f.line > 0 ? `:${f.line}` : ""}
        </a>
      ) : (
        <span className={muted}>(no source line)</span>
      )}
      {f.module && <span className={muted}>[{f.module}]</span>}
      {f.inline && <span className={`font-sans text-[0.75rem] ${muted}`}>inline</span>}
      {f.guilty && <strong className="rounded border border-fg px-1 font-sans text-[0.75rem]">guilty</strong>}
      {f.touched && <strong className="font-sans text-[0.75rem]">touched by culprit</strong>}
      </span>
      <a href={logUrl(id, f.logLine)} className="font-sans text-[0.75rem]" title={`log line ${f.logLine}`}>
        L{f.logLine}
      </a>
    </div>
  );
}
