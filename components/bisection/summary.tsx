import { commitUrl, fixesTag, formatDate, formatSeconds, shortHash, syzFixCommand } from "@/lib/format";
import { specific, titleKey } from "@/lib/analysis/titles";
import { CopyButton } from "./copy-button";
import { OutcomeLine } from "./outcome-line";
import type { UiCommit } from "./types";

interface Props {
  id: string;
  type: string;
  outcome: string;
  uploadedAt: Date | string;
  /** when the bisection ran (the log's `starts bisection` line), and where */
  startedAt: Date | string | null;
  host: string | null;
  title: string;
  startTitle: string | null;
  finalTitle: string | null;
  startCommit: string;
  found: UiCommit | null;
  candidates: { hash: string; subject: string | null }[];
  error: string | null;
  horizonMessage: string | null;
  verdict: string;
  verdictHeadline: string | null;
  commitsTested: number;
  /** syzbot's `revisions tested: N` (counts test rounds, not failed builds) */
  revisionsTested: number | null;
  totalSeconds: number | null;
  buildSeconds: number | null;
  testSeconds: number | null;
  syzkallerCommit: string | null;
  compilers: string[];
  recipients: { to: string[]; cc: string[] };
  hasCrash: boolean;
  /** severity of the judge's title-drift finding, null when it found none */
  driftSeverity: string | null;
}

/** Beside a final title that differs from the start's: how much the judge made of it. */
function TitleChange({ severity, startTitle }: { severity: string | null; startTitle: string }) {
  if (severity === "high" || severity === "medium") {
    return <span className="ml-2 font-sans font-medium text-bad-fg">≠ start title: a different crash (see the judge below)</span>;
  }
  if (severity === "low") {
    return <span className="ml-2 font-sans font-medium text-warn-fg">≠ start title: a related crash of the same code (judge: low)</span>;
  }
  if (!specific(titleKey(startTitle))) return <span className="ml-2 font-sans text-muted">≠ start title, which names no place to compare</span>;
  return <span className="ml-2 font-sans text-muted">≠ start title, same place: the judge reads it as the same bug</span>;
}

const WARN = "bisection looks wrong: check before using";

/** The top of the page: what was blamed, for which crash, and the tags to take away. */
export function Summary(p: Props) {
  const doubt = p.verdict === "likely-wrong" || p.verdict === "doubtful";
  // A cause bisection's culprit goes into a `Fixes:` tag; a fix bisection's commit closes the
  // bug on syzbot with its `#syz fix:` command instead.
  const tag = p.found ? (p.type === "fix" ? syzFixCommand(p.found.subject) : fixesTag(p.found.hash, p.found.subject)) : null;
  const tagWord = p.type === "fix" ? "#syz fix:" : "Fixes:";
  const tagCopy = tag && doubt ? `# Bisectview: ${WARN} (${p.verdict}: ${p.verdictHeadline ?? ""})\n${tag}` : tag;
  const recipients = [p.recipients.to.length ? `To: ${p.recipients.to.join(", ")}` : "", p.recipients.cc.length ? `Cc: ${p.recipients.cc.join(", ")}` : ""].filter(Boolean).join("\n");
  const culpritWord = p.type === "fix" ? "fix" : "culprit";
  return (
    <header className="space-y-0.5">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4">
        <h1 className="font-mono text-lg font-semibold">{p.title}</h1>
        <p className="text-[0.85rem] text-muted">
          {p.type} bisection ·{" "}
          {p.startedAt ? (
            <time dateTime={new Date(p.startedAt).toISOString()}>ran {formatDate(p.startedAt)} UTC{p.host ? ` on ${p.host}` : ""}</time>
          ) : (
            <span title="logs before mid-2022 have no `starts bisection` line">run date not in the log</span>
          )}{" "}
          · uploaded <time dateTime={new Date(p.uploadedAt).toISOString()}>{formatDate(p.uploadedAt)}</time> · <span className="font-mono">{p.id}</span>
        </p>
      </div>
      <OutcomeLine type={p.type} outcome={p.outcome} found={p.found} candidates={p.candidates} error={p.error} horizonMessage={p.horizonMessage} />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 text-[0.9rem] sm:grid-cols-[max-content_1fr_max-content_1fr]">
        <dt className="text-muted">crash at start</dt>
        <dd className="font-mono">
          {p.startTitle ?? "–"} <span className="text-muted">on</span> <a href={commitUrl(p.startCommit)} className="underline">{shortHash(p.startCommit)}</a>
        </dd>
        <dt className="text-muted">{p.found ? `crash at ${culpritWord}` : "final crash"}</dt>
        <dd className="font-mono">
          {p.finalTitle ?? "–"}
          {p.startTitle && p.finalTitle && p.startTitle !== p.finalTitle && <TitleChange severity={p.driftSeverity} startTitle={p.startTitle} />}
        </dd>
        <dt className="text-muted">tested</dt>
        <dd>
          {p.commitsTested} commits
          {p.revisionsTested !== null && p.revisionsTested !== p.commitsTested && (
            <span className="text-muted"> (syzbot counted {p.revisionsTested} test rounds)</span>
          )}{" "}
          in {formatSeconds(p.totalSeconds)} <span className="text-muted">(build {formatSeconds(p.buildSeconds)} / test {formatSeconds(p.testSeconds)})</span>
        </dd>
        <dt className="text-muted">syzkaller · compiler</dt>
        <dd>
          <span className="font-mono">{p.syzkallerCommit ? shortHash(p.syzkallerCommit) : "–"}</span> · <span className="font-mono">{p.compilers.join("; ") || "–"}</span>
        </dd>
      </dl>
      {tag && (
        <p className="flex flex-wrap items-center gap-2 pt-1">
          {doubt && (
            <span className="font-medium text-bad-fg" id="fixes-warning">
              ⚠ {WARN}:
            </span>
          )}
          <code className="rounded bg-soft px-1 font-mono [overflow-wrap:anywhere]" data-testid="fixes-tag" aria-describedby={doubt ? "fixes-warning" : undefined}>
            {tag}
          </code>
          <CopyButton
            text={tagCopy ?? tag}
            label={doubt ? `copy ${tagWord} (looks wrong)` : `copy ${tagWord}`}
            title={doubt ? `${WARN}: the copied text starts with a comment saying so` : `copy the ${tagWord} line`}
            warn={doubt}
          />
        </p>
      )}
      <nav aria-label="This bisection" className="flex flex-wrap items-center gap-x-3 gap-y-1 pt-1 text-[0.9rem]">
        <CopyButton text={`/b/${p.id}`} label="copy link" title="copy the permalink of this page" />
        {recipients && <CopyButton text={recipients} label="copy recipients" title={recipients} />}
        <a href={`/b/${p.id}/log`}>[raw log]</a>
        <a href={`/b/${p.id}/log.txt`}>[log.txt]</a>
        <a href={`/api/bisections/${p.id}`}>[JSON]</a>
        {p.found && <a href={commitUrl(p.found.hash)}>[git.kernel.org]</a>}
        <span className="text-muted">
          jump to <a href="#timeline">timeline</a> · {p.found && <><a href="#culprit">{culpritWord}</a> · </>}
          {p.hasCrash && <><a href="#crash">crash</a> · </>}
          <a href="#facts">facts</a>
        </span>
      </nav>
    </header>
  );
}
