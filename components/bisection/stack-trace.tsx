"use client";
// A client component for the server's sake: React sends its props (the view model) instead of the
// element tree it renders, a fraction of the page's payload (BENCHMARKS.md, "round two").
import type React from "react";
import { FRAME_SECTION } from "@/lib/domain/words";
import { logUrl } from "@/lib/log-range";
import type { CrashView, FrameView, HeadlineContext } from "@/lib/pages/crash";
import { FOLD_WORDS, type FrameBlock, type FrameGroup, type FrameSectionView } from "@/lib/pages/frames";
import type { GuiltyRouteDetail } from "@/lib/validations/judge-detail";
import { CopyButton } from "./copy-button";
import { FrameLine } from "./frame-line";

/** Where syzbot would send the report, and why the frames above were passed over. */
function GuiltyNote({ id, guilty, from }: { id: string; guilty: GuiltyRouteDetail; from: string | null }) {
  return (
    <p data-testid="guilty-file" className="text-[0.85rem]">
      Guilty file, as syzbot routes it: <span className="font-mono font-semibold">{guilty.file}</span>
      {from && (
        <>
          {" "}
          from frame <span className="font-mono">{from}</span>
        </>
      )}{" "}
      <a href={logUrl(id, guilty.line)} className="font-mono text-[0.8rem]">
        (L{guilty.line})
      </a>
      <span className="text-muted"> — {withLineLink(id, guilty.why, guilty.oopsLine)}.</span>
    </p>
  );
}

/** The sentence with its `(L<n>)` of the oops line as a link to that log line. */
function withLineLink(id: string, text: string, line: number | null): React.ReactNode {
  if (line === null) return text;
  const token = `(L${line})`;
  const at = text.indexOf(token);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <a href={logUrl(id, line)} className="font-mono text-[0.8rem]">
        {token}
      </a>
      {text.slice(at + token.length)}
    </>
  );
}

/** A real frame with the inline frames it contains, in report order (inline ones first). */
function Group({ id, g }: { id: string; g: FrameGroup<FrameView> }) {
  // every frame keeps the same left edge; a group's edge is drawn
  if (g.frames.length === 1) return <div className="border-l-2 border-transparent"><FrameLine id={id} f={g.head} /></div>;
  return (
    <div className="border-l-2 border-muted/60" title={`${g.head.function} and the ${g.frames.length - 1} inline frame${g.frames.length > 2 ? "s" : ""} it contains`}>
      {g.frames.map((f) => (
        <FrameLine key={f.position} id={id} f={f} />
      ))}
    </div>
  );
}

function Block({ id, b }: { id: string; b: FrameBlock<FrameView> }) {
  if (b.kind === "group") return <Group id={id} g={b.group} />;
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
        {b.frames} {FOLD_WORDS[b.reason]} frames: {foldNames(b.groups, b.frames)}
      </summary>
      {b.groups.map((g) => (
        <Group key={g.head.position} id={id} g={g} />
      ))}
    </details>
  );
}

/** Where the report printed this same stack again, each a link to its log line. */
function Copies({ id, view }: { id: string; view: FrameSectionView<FrameView> }) {
  const { copies, section } = view;
  if (copies.length === 0) return null;
  const links = copies.slice(0, 10).map((c, k) => (
    <span key={c.line}>
      {k > 0 && ", "}
      <a href={logUrl(id, c.line)}>L{c.line}</a>
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

/** The folded functions: each group's real frame, and how many frames were inlined into them
 *  (the count before the colon is every frame: "6 ... frames: a, b, c (3 more inlined in them)"). */
export function foldNames(groups: FrameGroup<FrameView>[], frames: number): string {
  const names = groups.map((g) => g.head.function);
  const shown = names.length > 3 ? `${names.slice(0, 3).join(", ")}, …` : names.join(", ");
  const inlined = frames - groups.length;
  return inlined > 0 ? `${shown} (${inlined} more inlined in ${groups.length === 1 ? "it" : "them"})` : shown;
}

function RawReport({ c, rawReport }: { c: CrashView; rawReport: string }) {
  const { id, line, endLine, cut } = c;
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
          … and {cut.toLocaleString("en")} more lines: <a href={logUrl(id, c.shown[1] + 1, endLine)}>the rest in the log</a> or{" "}
          <a href={`/b/${id}/log.txt?L=${line}-${endLine}`}>the whole report as text</a>
        </p>
      )}
    </details>
  );
}

/** The oops headline with the report's prose around it (the WARN() message above a
 *  `WARNING: CPU:` line, `Read of size ...` below a KASAN one), as the report prints them. */
function Headline({ header, context: { before, after } }: { header: string; context: HeadlineContext }) {
  return (
    <div className="font-mono text-[0.85rem] break-words" data-testid="crash-headline">
      {before.map((l, i) => (
        <p key={`b${i}`}>{l}</p>
      ))}
      <p>{header}</p>
      {after.map((l, i) => (
        <p key={`a${i}`}>{l}</p>
      ))}
    </div>
  );
}

/** The crash report as frames, with the raw text one click away. */
export function StackTrace({ c, rawReport, headline }: { c: CrashView; rawReport: string; headline: HeadlineContext }) {
  const { id, line, endLine } = c;
  return (
    // the function column's width, once for every frame (.frame in app/globals.css)
    <section id="crash" aria-labelledby="crash-h" className="mt-5 max-w-[120ch]" style={{ "--fn": `${c.functionWidth}ch` } as React.CSSProperties}>
      <h2 id="crash-h" className="text-base font-semibold">
        Crash: <span className="font-mono">{c.title}</span>{" "}
        <a href={logUrl(id, line, endLine)} className="text-[0.8rem] font-normal">
          (log L{line}–{endLine})
        </a>
      </h2>
      {c.header && <Headline header={c.header} context={headline} />}
      {c.guilty && <GuiltyNote id={id} guilty={c.guilty} from={c.guiltyFunction} />}
      {c.empty && <p className="text-muted">No frames could be read from the report.</p>}
      {c.sections.map((s, i) => (
        <div key={`${s.section}-${i}`} className="mt-1.5">
          <h3 className="text-[0.85rem] font-semibold text-muted">
            {FRAME_SECTION[s.section].label}
            <Copies id={id} view={s} />
          </h3>
          {s.blocks.map((b, j) => (
            <Block key={j} id={id} b={b} />
          ))}
        </div>
      ))}
      {c.moreFrames && (
        <p className="mt-1 text-[0.85rem] text-muted" data-testid="frames-cut">
          … and {c.moreFrames.count.toLocaleString("en")} more frames ({c.moreFrames.listed.toLocaleString("en")} are listed here):{" "}
          <a href={logUrl(id, c.moreFrames.from, c.moreFrames.to)}>
            in the log, L{c.moreFrames.from}–{c.moreFrames.to}
          </a>
        </p>
      )}
      <RawReport c={c} rawReport={rawReport} />
    </section>
  );
}
