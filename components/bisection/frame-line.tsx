import { logUrl } from "@/lib/log-range";
import type { FrameView } from "@/lib/pages/crash";
import { frameOffset } from "@/lib/pages/frames";

/** One frame: `function+off/size` then `file:line` linked to the source, and its log line. */
export function FrameLine({ id, f }: { id: string; f: FrameView }) {
  // muted grey fails contrast on the highlight, so touched frames keep the text colour
  const muted = f.touched ? "" : "text-muted";
  return (
    <div
      className={`frame${f.touched ? " bg-mark" : ""}${f.unreliable && !f.touched ? " text-muted" : ""}`}
      data-frame={f.position}
    >
      {/* the name never breaks inside; `+off/size` (an inline block, .frame-off) goes to the next line whole */}
      <span className={f.guilty ? "frame-fn font-semibold" : "frame-fn"}>
        {f.unreliable && <span className="font-sans text-[0.75rem]">? unreliable </span>}
        {f.function}
        {f.offset !== null && <span className={`frame-off${muted ? ` ${muted}` : ""}`}>{frameOffset(f)}</span>}
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
