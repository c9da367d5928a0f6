import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db";
import { findCommits, getCommitRecord } from "@/lib/data/commit";
import { commitUrl, shortHash } from "@/lib/format";
import { VerdictBadge } from "@/components/verdict-badge";
import { CommitBlameSummary } from "@/components/commit/blame-summary";
import { guardMetadata, guardPage } from "@/lib/page-guard";
import { DisagreeingAccounts } from "@/components/commit/disagreeing-accounts";
import { logUrl } from "@/lib/log-range";
import { CommitMarks } from "@/components/marks/commit-marks";
import { marksOnCommit } from "@/lib/data/marks";
import { commitPage } from "@/lib/pages/commit";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ hash: string }> };

const HEX = /^[0-9a-f]{7,40}$/;
const TH = "px-1.5 py-0.5 font-medium";
const TD = "px-1.5 py-0.5";

// each read once per request, shared by generateMetadata and the page (React's request cache)
const matching = cache((prefix: string) => findCommits(getPrisma(), prefix));
const record = cache(async (hash: string) => {
  const rec = await getCommitRecord(getPrisma(), hash);
  return rec && commitPage(rec);
});

async function metadataFor({ params }: Props): Promise<Metadata> {
  const hash = (await params).hash.toLowerCase();
  if (!HEX.test(hash)) return { title: "Not a commit hash" };
  const matches = await matching(hash);
  const c = matches.find((m) => m.hash === hash) ?? matches[0];
  if (!c) return { title: `Commit ${hash}` };
  const page = await record(c.hash);
  if (!page) return { title: `Commit ${hash}` };
  const { title, description } = page.meta;
  return { title, description, openGraph: { title: `commit ${title}`, description }, twitter: { card: "summary", title, description } };
}

async function CommitPageContent({ params }: Props) {
  const hash = (await params).hash.toLowerCase();
  if (!HEX.test(hash)) notFound();
  const matches = await matching(hash);
  if (matches.length === 0) notFound();
  if (matches.length > 1 && !matches.some((m) => m.hash === hash)) {
    return (
      <div>
        <h1 className="mb-2 text-base font-semibold">
          <code className="font-mono">{hash}</code> is ambiguous
        </h1>
        <ul className="font-mono">
          {matches.map((m) => (
            <li key={m.hash}>
              <Link href={`/c/${m.hash}`}>{shortHash(m.hash)}</Link> {m.subject}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const full = matches.find((m) => m.hash === hash)?.hash ?? matches[0].hash;
  if (full !== hash && hash.length === 40) redirect(`/c/${full}`);
  const [p, marks] = await Promise.all([record(full), marksOnCommit(getPrisma(), full)]);
  if (!p) notFound();
  return (
    <article>
      <h1 className="font-mono text-base font-semibold">
        {shortHash(p.hash)} <span className="font-sans font-normal">{p.subject ?? "(subject unknown)"}</span>
      </h1>
      <p className="mb-3 text-sm text-muted">
        <code className="font-mono">{p.hash}</code>
        {p.author && <> · {p.author}</>}
        {p.dateText && <> · {p.dateText}</>}
        {p.mergeParents.length > 0 && <> · merge of {p.mergeParents.join(" ")}</>} ·{" "}
        <a href={commitUrl(p.hash)}>git.kernel.org</a> · <code className="font-mono text-fg">{p.fixesTag}</code>
        {p.fixesWarning && (
          <span className="ml-1 text-warn-fg" data-testid="fixes-warning">
            <span aria-hidden>▲ </span>
            {p.fixesWarning}
          </span>
        )}
      </p>
      <DisagreeingAccounts groups={p.accounts} />
      {p.blame && <CommitBlameSummary record={p.blame} />}
      <CommitMarks {...marks} />
      {p.against.length > 0 && (
        <section aria-labelledby="against-h" className="mb-4 rounded border border-warn-fg bg-warn-bg p-2 text-sm">
          <h2 id="against-h" className="font-semibold text-warn-fg">
            <span aria-hidden>▲ </span>
            {p.against.length} step{p.against.length === 1 ? "" : "s"} of other bisections of the same crash saw this commit the other way
          </h2>
          <ul>
            {p.against.slice(0, 50).map((c) => (
              <li key={`${c.bisectionId}-${c.step}`}>
                <Link href={logUrl(c.bisectionId, c.line, c.endLine)} className="font-mono">
                  {c.bisectionId} #{c.step}
                </Link>{" "}
                {c.saw === "ok" ? "tested it good" : "crashed at it"} ({c.runs}): <span className="font-mono">{c.title}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="found-h" className="mb-4">
        <h2 id="found-h" className="mb-1 font-semibold">
          Found by {p.found.length} bisection{p.found.length === 1 ? "" : "s"}
        </h2>
        {p.found.length === 0 ? (
          <p className="text-muted">No bisection named this commit as its result.</p>
        ) : (
          <div className="overflow-x-auto">
          <table className="min-w-[60%] text-sm" data-testid="found-table">
            <thead className="border-b border-line bg-soft text-left">
              <tr>
                <th scope="col" className={TH}>Bisection</th>
                <th scope="col" className={`${TH} max-sm:hidden`}>Uploaded</th>
                <th scope="col" className={`${TH} max-sm:hidden`}>As</th>
                <th scope="col" className={TH}>Crash title</th>
                <th scope="col" className={TH}>Verdict</th>
              </tr>
            </thead>
            <tbody>
              {p.found.map((b) => (
                <tr key={b.id} className="border-b border-line align-top">
                  <td className={`${TD} font-mono whitespace-nowrap`}>
                    <Link href={`/b/${b.id}`}>{b.id}</Link>
                  </td>
                  <td className={`${TD} whitespace-nowrap tabular-nums max-sm:hidden`}>{b.uploaded}</td>
                  <td className={`${TD} max-sm:hidden`}>{b.as}</td>
                  <td className={`${TD} font-mono break-words`}>
                    <Link href={`/b/${b.id}`} data-nav-row>
                      {b.title ?? <span className="text-muted">(no crash title)</span>}
                    </Link>
                  </td>
                  <td className={`${TD} whitespace-nowrap`}>
                    <VerdictBadge verdict={b.verdict} title={b.headline} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>
      {p.candidateOf.length > 0 && (
        <section aria-labelledby="cand-h" className="mb-4">
          <h2 id="cand-h" className="mb-1 font-semibold">
            A candidate of {p.candidateOf.length} inconclusive bisection{p.candidateOf.length === 1 ? "" : "s"}
          </h2>
          <ul className="font-mono text-sm">
            {p.candidateOf.map((b) => (
              <li key={b.id}>
                <Link href={`/b/${b.id}`}>{b.title}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="tested-h">
        <h2 id="tested-h" className="mb-1 font-semibold">
          Tested in {p.steps.length} bisection step{p.steps.length === 1 ? "" : "s"}
        </h2>
        {p.steps.length > 0 && (
          <div className="overflow-x-auto">
          <table className="min-w-[60%] text-sm" data-testid="tested-table">
            <thead className="border-b border-line bg-soft text-left">
              <tr>
                <th scope="col" className={TH}>Bisection, step</th>
                <th scope="col" className={TH}>Crash title</th>
                <th scope="col" className={TH}>Verdict</th>
                <th scope="col" className={TH}>Runs</th>
              </tr>
            </thead>
            <tbody>
              {p.steps.map((s) => (
                <tr key={`${s.bisectionId}-${s.index}`} className="border-b border-line align-top">
                  {/* the id tells apart bisections of one crash title; the step links to its log lines */}
                  <td className={TD}>
                    <Link href={`/b/${s.bisectionId}`} className="font-mono whitespace-nowrap">
                      {s.bisectionId}
                    </Link>{" "}
                    <Link href={logUrl(s.bisectionId, s.line, s.endLine)} className="whitespace-nowrap">
                      #{s.index} {s.role}
                    </Link>
                  </td>
                  <td className={`${TD} font-mono break-words`}>{s.title ?? <span className="font-sans text-muted">(no crash title)</span>}</td>
                  <td className={`${TD} whitespace-nowrap`}>{s.verdict.words}</td>
                  <td className={TD}>{s.runs}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        )}
      </section>
    </article>
  );
}

export default async function CommitPage(props: Props) {
  return guardPage(() => CommitPageContent(props));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return guardMetadata(() => metadataFor(props));
}
