import { CopyButton } from "./copy-button";
import { FrameLine, type FrameMarks } from "./frame-line";
import { FOLD_WORDS, frameSections, SECTION_WORDS, type FrameBlock, type FrameGroup, type FrameSectionView } from "./frame-groups";
import { logHref } from "./log-links";
import type { UiFrame, UiGuiltyRoute } from "./types";

interface Props {
  id: string;
  title: string;
  header: string | null;
  frames: UiFrame[];
  marks: FrameMarks;
  rawReport: string;
  line: number;
  endLine: number;
  guilty?: UiGuiltyRoute | null;
}

/** Where syzbot would send the report, and why the frames above were passed over. */
function GuiltyNote({ id, guilty, frames }: { id: string; guilty: UiGuiltyRoute; frames: UiFrame[] }) {
  const frame = guilty.frame === null ? null : frames.find((f) => f.position === guilty.frame);
  return (
    <p data-testid="guilty-file" className="text-[0.85rem]">
      Guilty file, as syzbot routes it: <span className="font-mono font-semibold">{guilty.file}</span>
      {frame && (
        <>
          {" "}
          from frame <span className="font-mono">{frame.function}</span>
        </>
      )}{" "}
      <a href={logHref(id, guilty.line)} className="font-mono text-[0.8rem]">
        (L{guilty.line})
      </a>
      <span className="text-muted"> — {guilty.why}.</span>
    </p>
  );
}

/** A real frame with the inline frames it contains, in report order (inline ones first). */
function Group({ g, marks }: { g: FrameGroup; marks: FrameMarks }) {
  // every frame keeps the same left edge; a group's edge is drawn
  if (g.frames.length === 1) return <div className="border-l-2 border-transparent"><FrameLine f={g.head} marks={marks} /></div>;
  return (
    <div className="border-l-2 border-muted/60" title={`${g.head.function} and the ${g.frames.length - 1} inline frame${g.frames.length > 2 ? "s" : ""} it contains`}>
      {g.frames.map((f) => (
        <FrameLine key={f.position} f={f} marks={marks} />
      ))}
    </div>
  );
}

function Block({ b, marks }: { b: FrameBlock; marks: FrameMarks }) {
  if (b.kind === "group") return <Group g={b.group} marks={marks} />;
  if (b.kind === "context") {
    if (b.from === null && b.to === null) return null;
    const name = b.to ? `<${b.to}>` : `</${b.from}>`;
    return (
      <div role="separator" aria-label={`stack context ${name}`} className="flex items-center gap-2 py-0.5 text-[0.75rem] text-muted">
        <span className="h-px flex-1 bg-line" />
        <span className="font-mono">{name}</span>
        <span className="h-px flex-1 bg-line" />
      </div>
    );
  }
  return (
    <details>
      <summary className="cursor-pointer px-1 text-[0.8rem] text-muted">
        {b.frames} {FOLD_WORDS[b.reason]} frames: {foldNames(b.groups)}
      </summary>
      {b.groups.map((g) => (
        <Group key={g.head.position} g={g} marks={marks} />
      ))}
    </details>
  );
}

/** Where the report printed this same stack again, each a link to its log line. */
function Copies({ id, view }: { id: string; view: FrameSectionView }) {
  const { copies, section } = view;
  if (copies.length === 0) return null;
  const links = copies.slice(0, 10).map((c, k) => (
    <span key={c.line}>
      {k > 0 && ", "}
      <a href={logHref(id, c.line)}>L{c.line}</a>
    </span>
  ));
  const onlyRip = section === "header" && copies.every((c) => c.section === "rip");
  return (
    <span className="font-normal">
      {onlyRip ? " · the RIP line says the same: " : ` · printed ${copies.length + 1} times, again at `}
      {links}
      {copies.length > 10 && ", …"}
    </span>
  );
}

function foldNames(groups: FrameGroup[]): string {
  const names = groups.map((g) => g.head.function);
  return names.length > 3 ? `${names.slice(0, 3).join(", ")}…` : names.join(", ");
}

/** Lines of the raw report shown on the page; a longer one (a lockdep report can run to
 *  thousands of lines) is linked whole in the log rather than sent to every reader. The page
 *  reads only these lines of the log. */
export const RAW_SHOWN = 400;

/** The log lines of the report the page shows: [line, last shown line]. */
export function shownReportLines(line: number, endLine: number): [number, number] {
  return [line, Math.min(endLine, line + RAW_SHOWN - 1)];
}

function RawReport({ id, rawReport, line, endLine }: { id: string; rawReport: string; line: number; endLine: number }) {
  const cut = endLine - shownReportLines(line, endLine)[1];
  const preId = "raw-report";
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-[0.85rem] text-muted">raw report, registers and Code: ({endLine - line + 1} lines)</summary>
      <div className="mt-1 flex items-baseline justify-end gap-3 text-[0.85rem]">
        <a href={`/b/${id}/log.txt?L=${line}-${endLine}`}>as text</a>
        {cut === 0 && <CopyButton from={preId} label="copy report" />}
      </div>
      <pre id={preId} className="overflow-x-auto bg-soft p-1.5 font-mono text-[0.8rem] leading-snug whitespace-pre">
        {rawReport}
      </pre>
      {cut > 0 && (
        <p className="text-[0.85rem] text-muted" data-testid="report-cut">
          … and {cut.toLocaleString("en")} more lines: <a href={logHref(id, line + RAW_SHOWN, endLine)}>the rest in the log</a> or{" "}
          <a href={`/b/${id}/log.txt?L=${line}-${endLine}`}>the whole report as text</a>
        </p>
      )}
    </details>
  );
}

/** The crash report as frames, with the raw text one click away. */
export function StackTrace({ id, title, header, frames, marks, rawReport, line, endLine, guilty }: Props) {
  const sections = frameSections(frames);
  return (
    <section id="crash" aria-labelledby="crash-h" className="mt-5 max-w-[120ch]">
      <h2 id="crash-h" className="text-base font-semibold">
        Crash: <span className="font-mono">{title}</span>{" "}
        <a href={logHref(id, line, endLine)} className="text-[0.8rem] font-normal">
          (log L{line}–{endLine})
        </a>
      </h2>
      {header && <p className="font-mono text-[0.85rem] break-words">{header}</p>}
      {guilty && <GuiltyNote id={id} guilty={guilty} frames={frames} />}
      {frames.length === 0 && <p className="text-muted">No frames could be read from the report.</p>}
      {sections.map((s, i) => (
        <div key={`${s.section}-${i}`} className="mt-1.5">
          <h3 className="text-[0.85rem] font-semibold text-muted">
            {SECTION_WORDS[s.section] ?? s.section}
            <Copies id={id} view={s} />
          </h3>
          {s.blocks.map((b, j) => (
            <Block key={j} b={b} marks={marks} />
          ))}
        </div>
      ))}
      <RawReport id={id} rawReport={rawReport} line={line} endLine={endLine} />
    </section>
  );
}
