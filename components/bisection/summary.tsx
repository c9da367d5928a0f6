"use client";
// A client component for the server's sake: React sends its props (the view model) instead of the
// element tree it renders, a fraction of the page's payload (BENCHMARKS.md, "round two").
import { commitUrl, formatSeconds, shortHash } from "@/lib/format";
import { TAG_WARNING, type SummaryView } from "@/lib/pages/bisection";
import { CopyButton } from "./copy-button";
import { OutcomeLine } from "./outcome-line";
import { SlashBreaks } from "@/components/ui/slash-breaks";

/** Beside a final title that differs from the start's: how much the judge made of it. */
function TitleChange({ change }: { change: NonNullable<SummaryView["titleChange"]> }) {
  switch (change) {
    case "different":
      return <span className="ml-2 font-sans font-medium text-bad-fg">≠ start title: a different crash (see the judge below)</span>;
    case "related":
      return <span className="ml-2 font-sans font-medium text-warn-fg">≠ start title: a related crash of the same code (judge: low)</span>;
    case "no-place":
      return <span className="ml-2 font-sans text-muted">≠ start title, which names no place to compare</span>;
    default:
      return <span className="ml-2 font-sans text-muted">≠ start title, same place: the judge reads it as the same bug</span>;
  }
}

/** The top of the page: what was blamed, for which crash, and the tags to take away. */
export function Summary({ s }: { s: SummaryView }) {
  const tag = s.tag;
  return (
    <header className="space-y-0.5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h1 className="font-mono text-lg font-semibold">{s.title}</h1>
        <p className="text-[0.85rem] text-muted">
          {s.type} bisection ·{" "}
          {s.ran ? (
            <time dateTime={s.ran.iso}>ran {s.ran.text} UTC{s.ran.host ? ` on ${s.ran.host}` : ""}</time>
          ) : (
            <span title="logs before mid-2022 have no `starts bisection` line">run date not in the log</span>
          )}{" "}
          · uploaded <time dateTime={s.uploaded.iso}>{s.uploaded.text}</time> · <span className="font-mono">{s.id}</span>
        </p>
      </div>
      <OutcomeLine o={s.outcome} />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 text-[0.9rem] sm:grid-cols-[max-content_1fr_max-content_1fr]">
        <dt className="text-muted">crash at start</dt>
        <dd className="font-mono">
          {s.startTitle ?? "–"} <span className="text-muted">on</span> <a href={commitUrl(s.startCommit)} className="underline">{shortHash(s.startCommit)}</a>
        </dd>
        <dt className="text-muted">{s.found ? `crash at ${s.found.word}` : "final crash"}</dt>
        <dd className="font-mono">
          {s.finalTitle ?? "–"}
          {s.titleChange && <TitleChange change={s.titleChange} />}
        </dd>
        <dt className="text-muted">tested</dt>
        <dd>
          {s.commitsTested} commits
          {s.revisionsTested !== null && <span className="text-muted"> (syzbot counted {s.revisionsTested} test rounds)</span>}{" "}
          in {formatSeconds(s.seconds.total)} <span className="text-muted">(build {formatSeconds(s.seconds.build)} / test {formatSeconds(s.seconds.test)})</span>
        </dd>
        <dt className="text-muted">syzkaller · compiler</dt>
        <dd>
          <span className="font-mono">{s.syzkallerCommit ? shortHash(s.syzkallerCommit) : "–"}</span> · <span className="font-mono">{s.compilers.join("; ") || "–"}</span>
        </dd>
      </dl>
      {tag && (
        <p className="flex flex-wrap items-center gap-2 pt-1">
          {tag.doubt && (
            <span className="font-medium text-bad-fg" id="fixes-warning">
              ⚠ {TAG_WARNING}:
            </span>
          )}
          <code className="rounded bg-soft px-1 font-mono break-words" data-testid="fixes-tag" aria-describedby={tag.doubt ? "fixes-warning" : undefined}>
            <SlashBreaks text={tag.text} />
          </code>
          <CopyButton
            text={tag.copy}
            label={tag.doubt ? `copy ${tag.word} (looks wrong)` : `copy ${tag.word}`}
            title={tag.doubt ? `${TAG_WARNING}: the copied text starts with a comment saying so` : `copy the ${tag.word} line`}
            warn={tag.doubt}
          />
        </p>
      )}
      <nav aria-label="This bisection" className="flex flex-wrap items-center gap-x-3 gap-y-1 pt-1 text-[0.9rem]">
        <CopyButton text={`/b/${s.id}`} label="copy link" title="copy the permalink of this page" />
        {s.recipients && <CopyButton text={s.recipients} label="copy recipients" title={s.recipients} />}
        <a href={`/b/${s.id}/log`}>[raw log]</a>
        <a href={`/b/${s.id}/log.txt`}>[log.txt]</a>
        <a href={`/api/bisections/${s.id}`}>[JSON]</a>
        {s.found && <a href={commitUrl(s.found.hash)}>[git.kernel.org]</a>}
        <span className="text-muted">
          jump to <a href="#timeline">timeline</a> · {s.found && <><a href="#culprit">{s.found.word}</a> · </>}
          {s.hasCrash && <><a href="#crash">crash</a> · </>}
          <a href="#facts">facts</a>
        </span>
      </nav>
    </header>
  );
}
