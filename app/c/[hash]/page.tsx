import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getPrisma } from "@/lib/db";
import { findCommits, getCommitRecord } from "@/lib/data/commit";
import { commitUrl, fixesTag, formatDate, runsSummary, shortHash, stepVerdictWords } from "@/lib/format";
import { VerdictBadge } from "@/components/verdict-badge";
import { CommitBlameSummary } from "@/components/commit/blame-summary";
import { guardMetadata, guardPage } from "@/lib/page-guard";
import { DisagreeingAccounts } from "@/components/commit/disagreeing-accounts";
import { logUrl } from "@/lib/log-range";
import { CommitMarks } from "@/components/marks/commit-marks";
import { marksOnCommit } from "@/lib/data/marks";
import { contradictions, fixesWarning } from "@/lib/commit-record";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ hash: string }> };

const HEX = /^[0-9a-f]{7,40}$/;

async function metadataFor({ params }: Props): Promise<Metadata> {
  const hash = (await params).hash.toLowerCase();
  if (!HEX.test(hash)) return { title: "Not a commit hash" };
  const [c] = await findCommits(getPrisma(), hash, 1);
  if (!c) return { title: `Commit ${hash}` };
  const rec = await getCommitRecord(getPrisma(), c.hash);
  const titles = [...new Set(rec?.found.map((b) => b.crashSignature?.title).filter(Boolean))];
  const title = `${shortHash(c.hash)} ("${c.subject ?? ""}")`;
  const description = rec?.found.length
    ? `Blamed by ${rec.found.length} bisection${rec.found.length > 1 ? "s" : ""}: ${titles.slice(0, 3).join("; ")}`
    : `Tested in ${rec?.steps.length ?? 0} bisection steps`;
  return { title, description, openGraph: { title: `commit ${title}`, description }, twitter: { card: "summary", title, description } };
}

async function CommitPageContent({ params }: Props) {
  const hash = (await params).hash.toLowerCase();
  if (!HEX.test(hash)) notFound();
  const prisma = getPrisma();
  const matches = await findCommits(prisma, hash);
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
  const [rec, marks] = await Promise.all([getCommitRecord(prisma, full), marksOnCommit(prisma, full)]);
  if (!rec) notFound();
  const { commit, accounts, found, candidateOf, steps } = rec;
  // the header as the first log that found the commit printed it (else a tested step's subject)
  const head = accounts[0]?.first;
  const subject = head ? head.subject : commit.subject;
  const title = (b: { crashSignature: { title: string } | null; startSignature: { title: string } | null }) => b.crashSignature?.title ?? b.startSignature?.title ?? null;
  const blamings = found.map((b) => ({ id: b.id, type: b.type, verdict: b.verdict, title: title(b) }));
  const warning = fixesWarning(blamings);
  const against = contradictions(
    blamings,
    steps.map((s) => ({ ...s, commit: commit.hash, subject: null, bisectionId: s.bisection.id, type: s.bisection.type, title: title(s.bisection) })),
  );
  return (
    <article>
      <h1 className="font-mono text-base font-semibold">
        {shortHash(commit.hash)} <span className="font-sans font-normal">{subject ?? "(subject unknown)"}</span>
      </h1>
      <p className="mb-3 text-sm text-muted">
        <code className="font-mono">{commit.hash}</code>
        {head?.author && <> · {head.author}</>}
        {head?.dateText && <> · {head.dateText}</>}
        {head && head.mergeParents.length > 0 && <> · merge of {head.mergeParents.join(" ")}</>} ·{" "}
        <a href={commitUrl(commit.hash)}>git.kernel.org</a> ·{" "}
        <code className="font-mono text-fg">{fixesTag(commit.hash, subject)}</code>
        {warning && (
          <span className="ml-1 text-warn-fg" data-testid="fixes-warning">
            <span aria-hidden>▲ </span>
            {warning}
          </span>
        )}
      </p>
      <DisagreeingAccounts groups={accounts} />
      <CommitBlameSummary found={found} />
      <CommitMarks {...marks} />
      {against.length > 0 && (
        <section aria-labelledby="against-h" className="mb-4 rounded border border-warn-fg bg-warn-bg p-2 text-sm">
          <h2 id="against-h" className="font-semibold text-warn-fg">
            <span aria-hidden>▲ </span>
            {against.length} step{against.length === 1 ? "" : "s"} of other bisections of the same crash saw this commit the other way
          </h2>
          <ul>
            {against.slice(0, 50).map((c) => (
              <li key={`${c.bisectionId}-${c.step}`}>
                <Link href={logUrl(c.bisectionId, c.line, c.endLine)} className="font-mono">
                  {c.bisectionId} #{c.step}
                </Link>{" "}
                {c.saw === "OK" ? "tested it good (no crash)" : "crashed at it"}: <span className="font-mono">{c.title}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="found-h" className="mb-4">
        <h2 id="found-h" className="mb-1 font-semibold">
          Found by {found.length} bisection{found.length === 1 ? "" : "s"}
        </h2>
        {found.length === 0 ? (
          <p className="text-muted">No bisection named this commit as its result.</p>
        ) : (
          <table className="min-w-[60%] text-sm">
            <thead className="border-b border-line bg-soft text-left">
              <tr>
                <th scope="col" className="px-1.5 py-0.5 font-medium">Bisection</th>
                <th scope="col" className="px-1.5 py-0.5 font-medium">Uploaded</th>
                <th scope="col" className="px-1.5 py-0.5 font-medium">As</th>
                <th scope="col" className="px-1.5 py-0.5 font-medium">Crash title</th>
                <th scope="col" className="px-1.5 py-0.5 font-medium">Verdict</th>
              </tr>
            </thead>
            <tbody>
              {found.map((b) => (
                <tr key={b.id} className="border-b border-line">
                  <td className="px-1.5 py-0.5 font-mono">
                    <Link href={`/b/${b.id}`}>{b.id}</Link>
                  </td>
                  <td className="px-1.5 py-0.5">{formatDate(b.uploadedAt).slice(0, 10)}</td>
                  <td className="px-1.5 py-0.5">{b.type === "fix" ? "fix" : "culprit"}</td>
                  <td className="px-1.5 py-0.5 font-mono">
                    <Link href={`/b/${b.id}`} data-nav-row>
                      {b.crashSignature?.title ?? b.startSignature?.title ?? b.id}
                    </Link>
                  </td>
                  <td className="px-1.5 py-0.5">
                    <VerdictBadge verdict={b.verdict} title={b.verdictHeadline} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {candidateOf.length > 0 && (
        <section aria-labelledby="cand-h" className="mb-4">
          <h2 id="cand-h" className="mb-1 font-semibold">
            A candidate of {candidateOf.length} inconclusive bisection{candidateOf.length === 1 ? "" : "s"}
          </h2>
          <ul className="font-mono text-sm">
            {candidateOf.map((b) => (
              <li key={b.id}>
                <Link href={`/b/${b.id}`}>{b.crashSignature?.title ?? b.startSignature?.title ?? b.id}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="tested-h">
        <h2 id="tested-h" className="mb-1 font-semibold">
          Tested in {steps.length} bisection step{steps.length === 1 ? "" : "s"}
        </h2>
        {steps.length > 0 && (
          <table className="min-w-[60%] text-sm">
            <thead className="border-b border-line bg-soft text-left">
              <tr>
                <th scope="col" className="px-1.5 py-0.5 font-medium">Bisection</th>
                <th scope="col" className="px-1.5 py-0.5 font-medium">Step</th>
                <th scope="col" className="px-1.5 py-0.5 font-medium">Verdict</th>
                <th scope="col" className="px-1.5 py-0.5 font-medium">Runs</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s) => (
                <tr key={`${s.bisection.id}-${s.index}`} className="border-b border-line">
                  <td className="px-1.5 py-0.5 font-mono">
                    <Link href={`/b/${s.bisection.id}`}>{s.bisection.crashSignature?.title ?? s.bisection.startSignature?.title ?? s.bisection.id}</Link>
                  </td>
                  <td className="px-1.5 py-0.5">
                    <Link href={logUrl(s.bisection.id, s.line, s.endLine)}>
                      #{s.index} {s.role}
                    </Link>
                  </td>
                  <td className="px-1.5 py-0.5">{stepVerdictWords(s.bisection.type, s.verdict)}</td>
                  <td className="px-1.5 py-0.5">{runsSummary(s.runs, s.allRunsOutcome)}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
