import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db";
import { getBisection, getLogLines } from "@/lib/data/bisection";
import { otherBisectionsOfCrash } from "@/lib/data/related";
import { RelatedBisections } from "@/components/bisection/related-bisections";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { outcomeWords, shortHash } from "@/lib/format";
import { Summary } from "@/components/bisection/summary";
import { VerdictBanner } from "@/components/bisection/verdict-banner";
import { TimelineTable } from "@/components/bisection/timeline-table";
import { CulpritSection } from "@/components/bisection/culprit-section";
import { StackTrace } from "@/components/bisection/stack-trace";
import { FactsSection } from "@/components/bisection/facts-section";
import { BlockingLine } from "@/components/bisection/blocking-line";
import { blockingCrashes } from "@/lib/analysis/blocking";
import { TrustedRange } from "@/components/bisection/trusted-range";
import { sameBinaryAs } from "@/components/bisection/timeline";
import { bisectStartFacts, candidateList, distinctCompilers, headTitle, uniq } from "@/components/bisection/page-model";
import type { Finding } from "@/components/bisection/types";
import { SyzbotLinks } from "@/components/syzbot/syzbot-links";
import { DeveloperMarks } from "@/components/marks/developer-marks";
import { guardMetadata, guardPage } from "@/lib/page-guard";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// one read per request, shared by generateMetadata and the page (React's request cache)
const load = cache(async (id: string) => {
  if (!bisectionIdSchema.safeParse(id).success) return null;
  return getBisection(getPrisma(), id);
});

async function metadataFor({ params }: Props): Promise<Metadata> {
  const b = await load((await params).id);
  if (!b) return { title: "Bisection not found", robots: { index: false } };
  const title = headTitle(b.crashSignature?.title, b.startSignature?.title);
  const what = b.foundCommit ? `${b.type === "fix" ? "fix" : "culprit"} ${shortHash(b.foundCommit.hash)}: ${title}` : `${b.type} bisection: ${title}`;
  const verdict = b.verdict !== "n/a" && b.verdictHeadline ? ` Judge: ${b.verdict}, ${b.verdictHeadline}.` : "";
  const description = `${b.type} bisection of “${title}”: ${outcomeWords(b.type, b.outcome)}${b.foundCommit ? ` ${shortHash(b.foundCommit.hash)} (“${b.foundCommit.subject}”)` : ""}; ${b.revisionsTested ?? b.stepCount} commits tested.${verdict}`;
  return {
    title: what,
    description,
    openGraph: { title: what, description, type: "article" },
    twitter: { card: "summary", title: what, description },
  };
}

async function BisectionPageContent({ params }: Props) {
  const { id } = await params;
  const b = await load(id);
  if (!b) notFound();
  const startLine = b.bisectStartLine;
  const [[startLines = "", rawReport = ""], related] = await Promise.all([
    getLogLines(getPrisma(), id, [
      startLine === null ? [0, -1] : [startLine, startLine + 1],
      b.crash ? [b.crash.line, b.crash.endLine] : [0, -1],
    ]),
    otherBisectionsOfCrash(getPrisma(), id, uniq([b.crashSignature?.title ?? "", b.startSignature?.title ?? ""])),
  ]);
  const { good, initialLeft } = bisectStartFacts(startLines);
  const finalTitle = b.crashSignature?.title ?? null;
  const startTitle = b.startSignature?.title ?? null;
  const compilers = distinctCompilers(b.steps);
  const recipients = { to: uniq(b.recipientsTo), cc: uniq(b.recipientsCc) };
  const findings = (Array.isArray(b.findings) ? b.findings : []) as unknown as Finding[];
  const warnings = (Array.isArray(b.warnings) ? b.warnings : []) as unknown as { line: number; message: string }[];
  const candidates = candidateList(b.candidates, b.steps);
  const found = b.foundCommit;
  const hash = found?.hash ?? b.startCommitHash;
  return (
    <article>
      <Summary
        id={b.id}
        type={b.type}
        outcome={b.outcome}
        uploadedAt={b.uploadedAt}
        startedAt={b.startedAt}
        host={b.host}
        title={headTitle(finalTitle, startTitle)}
        startTitle={startTitle}
        finalTitle={finalTitle}
        startCommit={b.startCommitHash}
        found={found}
        candidates={candidates}
        error={b.error}
        horizonMessage={b.horizonMessage}
        verdict={b.verdict}
        verdictHeadline={b.verdictHeadline}
        commitsTested={b.stepCount}
        revisionsTested={b.revisionsTested}
        totalSeconds={b.totalSeconds}
        buildSeconds={b.buildSeconds}
        testSeconds={b.testSeconds}
        syzkallerCommit={b.syzkallerCommit}
        compilers={compilers}
        recipients={recipients}
        hasCrash={!!b.crash}
        driftSeverity={findings.find((f) => f.rule === "title-drift")?.severity ?? null}
      />
      <BlockingLine id={b.id} blocking={blockingCrashes(b.steps)} />
      <SyzbotLinks syzbot={b.syzbot} />
      <VerdictBanner
        id={b.id}
        verdict={b.verdict}
        headline={b.verdictHeadline}
        findings={findings}
        confidence={b.confidence}
        chance={b.chanceWrong}
        chanceTerms={b.judgeDetail?.chanceTerms ?? []}
      />
      <DeveloperMarks id={b.id} marks={b.marks.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() }))} foundHash={found?.hash ?? null} />
      <TimelineTable
        id={b.id}
        type={b.type}
        steps={b.steps}
        startTitle={startTitle}
        finalTitle={finalTitle}
        foundHash={found?.hash ?? null}
        candidates={b.candidates}
        initialLeft={initialLeft}
      />
      {b.judgeDetail?.trust && b.verdict !== "n/a" && <TrustedRange id={b.id} range={b.judgeDetail.trust} type={b.type} />}
      {/* wide screens: culprit and facts on the left, the crash beside them */}
      <div className="min-[1700px]:grid min-[1700px]:grid-cols-2 min-[1700px]:gap-x-8">
      {found && <CulpritSection commit={found} type={b.type} />}
      {b.crash && (
        <div className="min-[1700px]:col-start-2 min-[1700px]:row-span-2 min-[1700px]:row-start-1">
        <StackTrace
          id={b.id}
          title={b.crash.signature.title}
          header={b.crash.header}
          frames={b.frames}
          marks={{ id: b.id, hash, guilty: b.crash.guiltyFrame, touched: new Set(found?.files.map((f) => f.path) ?? []) }}
          rawReport={rawReport}
          line={b.crash.line}
          endLine={b.crash.endLine}
          guilty={b.judgeDetail?.guilty ?? null}
        />
        </div>
      )}
      <FactsSection
        id={b.id}
        startCommit={b.startCommitHash}
        goodCommit={good}
        syzkallerCommit={b.syzkallerCommit}
        host={b.host}
        compilers={compilers}
        steps={b.steps}
        sameBinary={sameBinaryAs(b.steps)}
        revisionsTested={b.revisionsTested}
        initialLeft={initialLeft}
        totalSeconds={b.totalSeconds}
        buildSeconds={b.buildSeconds}
        testSeconds={b.testSeconds}
        culpritSignature={b.culpritSignature}
        parentSignature={b.parentSignature}
        errorProbability={b.errorProbability}
        flakyText={b.flakyText}
        recipients={recipients}
        warnings={warnings}
        headTruncated={b.headTruncated}
        truncated={b.truncated}
        lineCount={b.lineCount}
      />
      </div>
      <RelatedBisections id={b.id} related={related} />
    </article>
  );
}

export default async function BisectionPage(props: Props) {
  return guardPage(() => BisectionPageContent(props));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return guardMetadata(() => metadataFor(props));
}
