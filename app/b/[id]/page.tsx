import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getPrisma } from "@/lib/db";
import { getBisection, getLogLines } from "@/lib/data/bisection";
import { otherBisectionsOfCrash, RELATED_SHOWN } from "@/lib/data/related";
import { bisectionPage } from "@/lib/pages/bisection";
import { headlineContext } from "@/lib/pages/crash";
import { RelatedBisections } from "@/components/bisection/related-bisections";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { Summary } from "@/components/bisection/summary";
import { VerdictBanner } from "@/components/bisection/verdict-banner";
import { TimelineTable } from "@/components/bisection/timeline-table";
import { CulpritSection } from "@/components/bisection/culprit-section";
import { StackTrace } from "@/components/bisection/stack-trace";
import { FactsSection } from "@/components/bisection/facts-section";
import { BuildFailures } from "@/components/bisection/build-failures";
import { BlockingLine } from "@/components/bisection/blocking-line";
import { TrustedRange } from "@/components/bisection/trusted-range";
import { SyzbotLinks } from "@/components/syzbot/syzbot-links";
import { DeveloperMarks } from "@/components/marks/developer-marks";
import { guardMetadata, guardPage } from "@/lib/page-guard";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

// one read and one page model per request, shared by generateMetadata and the page (React's
// request cache)
const load = cache(async (id: string) => {
  if (!bisectionIdSchema.safeParse(id).success) return null;
  const b = await getBisection(getPrisma(), id);
  return b && { page: bisectionPage(b), syzbot: b.syzbot };
});

async function metadataFor({ params }: Props): Promise<Metadata> {
  const loaded = await load((await params).id);
  if (!loaded) return { title: "Bisection not found", robots: { index: false } };
  const { title, description } = loaded.page.meta;
  return {
    title,
    description,
    openGraph: { title, description, type: "article" },
    twitter: { card: "summary", title, description },
  };
}

async function BisectionPageContent({ params }: Props) {
  const { id } = await params;
  const loaded = await load(id);
  if (!loaded) notFound();
  const { page: p, syzbot } = loaded;
  const [[rawReport = ""], related] = await Promise.all([
    getLogLines(getPrisma(), id, p.crash ? [p.crash.shown] : []),
    otherBisectionsOfCrash(getPrisma(), id, p.relatedTitles),
  ]);
  return (
    <article>
      <Summary s={p.summary} />
      <BlockingLine id={p.id} blocking={p.blocking} />
      <BuildFailures id={p.id} builds={p.builds} tested={p.timeline.steps} />
      <SyzbotLinks syzbot={syzbot} />
      <VerdictBanner v={p.verdict} />
      <DeveloperMarks {...p.marks} />
      {/* very wide screens: the trustworthy range beside the timeline whose verdicts it reads,
          where the timeline leaves it room (a wider timeline keeps the line, the range goes below) */}
      <div className="min-[2300px]:flex min-[2300px]:flex-wrap min-[2300px]:items-start min-[2300px]:gap-x-8">
        <div className="min-w-0 max-w-full">
          <TimelineTable id={p.id} t={p.timeline} />
        </div>
        {p.trust && <TrustedRange t={p.trust} />}
      </div>
      {/* wide screens: culprit and facts on the left, the crash beside them */}
      <div className="min-[1700px]:grid min-[1700px]:grid-cols-2 min-[1700px]:gap-x-8">
      {p.culprit && <CulpritSection c={p.culprit} />}
      {p.crash && (
        <div className="min-[1700px]:col-start-2 min-[1700px]:row-span-2 min-[1700px]:row-start-1">
        <StackTrace c={p.crash} rawReport={rawReport} headline={headlineContext(rawReport, p.crash.header)} />
        </div>
      )}
      <FactsSection f={p.facts} />
      </div>
      <RelatedBisections id={p.id} related={related} shown={RELATED_SHOWN} title={p.summary.finalTitle ?? p.summary.startTitle} startTitle={p.summary.startTitle} />
    </article>
  );
}

export default async function BisectionPage(props: Props) {
  return guardPage(() => BisectionPageContent(props));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return guardMetadata(() => metadataFor(props));
}
