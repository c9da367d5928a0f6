import { Fragment } from "react";
import { SlashBreaks } from "@/components/ui/slash-breaks";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPrisma } from "@/lib/db";
import { getCompareSide } from "@/lib/data/related";
import { comparePage, MAX_ROW_TITLES, type CompareHead, type SideStep } from "@/lib/pages/compare";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { shortHash } from "@/lib/format";
import { VerdictBadge } from "@/components/verdict-badge";
import { Shape } from "@/components/bisection/run-shapes";
import { guardPage } from "@/lib/page-guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare bisections" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** One side's step: what it showed as a shape and words, what the step was, and its runs;
 *  below md (where the Crash titles column is hidden) also its own crash titles. */
function Side({ step }: { step: SideStep | null }) {
  if (step === null) return <span className="text-muted">not tested</span>;
  const v = step.verdict;
  return (
    <>
      <span className="whitespace-nowrap">
        <Shape mark={v.mark} className="mr-1" />
        {v.words}
      </span>
      {step.role && step.role !== "bisect" && <span className="ml-1 text-[0.8rem] text-muted">{step.role}</span>}
      <div className="text-[0.8rem] text-muted">{step.runs}</div>
      {/* a title breaks at its spaces or after a `/` or `_`, never inside a word */}
      {step.titles.length > 0 && (
        <div className="font-mono text-xs break-words md:hidden">
          <SlashBreaks text={shownTitles(step.titles) ?? ""} underscores />
        </div>
      )}
    </>
  );
}

/** A side's crash titles in a cell: the first MAX_ROW_TITLES, the rest counted. */
function shownTitles(titles: string[] | undefined): string | undefined {
  if (!titles) return undefined;
  if (titles.length <= MAX_ROW_TITLES) return titles.join(", ");
  return `${titles.slice(0, MAX_ROW_TITLES).join(", ")} and ${titles.length - MAX_ROW_TITLES} more`;
}

function Head({ x, label }: { x: CompareHead; label: string }) {
  return (
    <div data-testid={`compare-head-${label}`}>
      <span className="font-semibold">{label}</span>{" "}
      <Link href={`/b/${x.id}`} className="font-mono">
        {x.id}
      </Link>{" "}
      <span className="font-mono">{x.title}</span> <VerdictBadge verdict={x.verdict} /> · {x.words}
      {x.found && (
        <>
          {" "}
          <Link href={`/c/${x.found.hash}`} className="font-mono">{shortHash(x.found.hash)}</Link> {x.found.subject}
        </>
      )}
      <span className="text-muted">
        {" "}
        · {x.tested} commits tested
        {x.start && (
          <>
            {" "}
            from <Link href={`/c/${x.start.hash}`} className="font-mono">{shortHash(x.start.hash)}</Link>
            {x.start.title && <>, which crashed with <span className="font-mono">{x.start.title}</span></>}
          </>
        )}
      </span>
    </div>
  );
}

async function ComparePageContent({ searchParams }: Props) {
  const sp = await searchParams;
  const ids = [one(sp.a), one(sp.b)];
  const bad = ids.filter((id) => !bisectionIdSchema.safeParse(id).success);
  if (bad.length) {
    return (
      <div>
        <h1 className="mb-2 text-base font-semibold">Compare bisections</h1>
        <p>
          Give two bisection ids: <code className="font-mono">/compare?a=&lt;id&gt;&amp;b=&lt;id&gt;</code>. Each bisection page lists
          other bisections of the same crash with a compare link.
        </p>
      </div>
    );
  }
  const prisma = getPrisma();
  const [a, b] = await Promise.all(ids.map((id) => getCompareSide(prisma, id)));
  if (!a || !b) notFound();
  const p = comparePage(a, b);
  return (
    <article>
      <h1 className="mb-1 text-base font-semibold">Compare bisections</h1>
      <div className="mb-2 space-y-0.5 text-sm">
        <Head x={p.a} label="A" />
        <Head x={p.b} label="B" />
      </div>
      <p className="mb-2 text-sm" data-testid="compare-summary">
        {p.summary}
      </p>
      {/* below md the Subject and Crash titles columns fold into the Commit and A/B cells, so the
          verdicts, the point of the page, are on screen at 390 px */}
      <div className="relative scroll-cue">
      <table className="w-full text-sm" data-testid="compare-table">
        <thead className="border-b border-line bg-soft text-left">
          <tr>
            <th scope="col" className="px-1.5 py-0.5 font-medium">Commit</th>
            <th scope="col" className="px-1.5 py-0.5 font-medium max-md:hidden">Subject</th>
            <th scope="col" className="px-1.5 py-0.5 font-medium whitespace-nowrap">A</th>
            <th scope="col" className="px-1.5 py-0.5 font-medium whitespace-nowrap">B</th>
            <th scope="col" className="px-1.5 py-0.5 font-medium max-md:hidden">Crash titles</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((r) => (
            <Fragment key={r.commit}>
              <tr className={`border-b border-line align-top ${r.verdictsDiffer ? "bg-warn-bg" : ""}`}>
                <td className="px-1.5 py-0.5">
                  <Link href={`/c/${r.commit}`} className="font-mono">{shortHash(r.commit)}</Link>
                  {r.subject && (
                    <div className="text-xs break-words md:hidden">
                      <SlashBreaks text={r.subject} />
                    </div>
                  )}
                </td>
                <td className="max-w-[60ch] px-1.5 py-0.5 break-words max-md:hidden">
                  <SlashBreaks text={r.subject} />
                </td>
                <td className="px-1.5 py-0.5 md:whitespace-nowrap" data-side="a">
                  <Side step={r.a} />
                </td>
                <td className="px-1.5 py-0.5 md:whitespace-nowrap" data-side="b">
                  <Side step={r.b} />
                  {r.verdictsDiffer && <div className="whitespace-nowrap text-warn-fg">≠ verdicts differ</div>}
                </td>
                <td className="px-1.5 py-0.5 font-mono text-xs break-words max-md:hidden">
                  {r.titlesDiffer ? (
                    <>
                      <div>
                        <span className="font-sans text-muted">A: </span>
                        <SlashBreaks text={shownTitles(r.a?.titles) || "no crash"} underscores />
                      </div>
                      <div>
                        <span className="font-sans text-muted">B: </span>
                        <SlashBreaks text={shownTitles(r.b?.titles) || "no crash"} underscores />
                      </div>
                    </>
                  ) : (
                    <SlashBreaks text={shownTitles(r.a?.titles) || shownTitles(r.b?.titles) || null} underscores />
                  )}
                </td>
              </tr>
              {p.hidden?.after === r.commit && (
                <tr data-testid="compare-gap" className="border-b border-line">
                  <td colSpan={5} className="px-1.5 py-1 text-muted">
                    … {p.hidden.count.toLocaleString("en")} more commits, not drawn ({p.hidden.differing.toLocaleString("en")} of them with differing verdicts)
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      </div>
    </article>
  );
}

export default async function ComparePage(props: Props) {
  return guardPage(() => ComparePageContent(props));
}
