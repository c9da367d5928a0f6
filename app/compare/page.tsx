import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPrisma } from "@/lib/db";
import { getCompareSide } from "@/lib/data/related";
import { compareBisections } from "@/lib/analysis/compare";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { shortHash } from "@/lib/format";
import { VerdictBadge } from "@/components/verdict-badge";
import { guardPage } from "@/lib/page-guard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare bisections" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** One side's step: the outcome as a shape and word, what the step was, and its runs. */
function Side({ outcome, role, runs }: { outcome: string | null; role: string | null; runs: string | null }) {
  if (role === null && runs === null) return <span className="text-muted">not tested</span>;
  return (
    <>
      <Mark outcome={outcome ?? "–"} />
      {role && role !== "bisect" && <span className="ml-1 text-[0.8rem] text-muted">{role}</span>}
      <div className="text-[0.8rem] text-muted">{runs}</div>
    </>
  );
}

function Mark({ outcome }: { outcome: string }) {
  const icon = outcome === "crashed" ? "■" : outcome === "OK" ? "□" : "◇";
  const cls = outcome === "crashed" ? "text-crash" : outcome === "OK" ? "text-ok" : "text-muted";
  return (
    <span className={cls}>
      <span aria-hidden>{icon} </span>
      {outcome}
    </span>
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
  const side = (x: NonNullable<typeof a>) => ({
    type: x.type,
    foundCommit: x.foundCommitHash,
    steps: x.steps.map((s) => ({ ...s, commit: s.commitHash })),
  });
  const cmp = compareBisections(side(a), side(b));
  const head = (x: NonNullable<typeof a>, label: string) => (
    <div>
      <span className="font-semibold">{label}</span>{" "}
      <Link href={`/b/${x.id}`} className="font-mono">
        {x.crashSignature?.title ?? x.startSignature?.title ?? x.id}
      </Link>{" "}
      <VerdictBadge verdict={x.verdict} /> · {x.type} · {x.outcome}
      {x.foundCommitHash && (
        <>
          {" "}
          · found <Link href={`/c/${x.foundCommitHash}`} className="font-mono">{shortHash(x.foundCommitHash)}</Link> {x.culprit?.subject}
        </>
      )}
    </div>
  );
  return (
    <article>
      <h1 className="mb-1 text-base font-semibold">Compare bisections</h1>
      <div className="mb-2 space-y-0.5 text-sm">
        {head(a, "A")}
        {head(b, "B")}
      </div>
      <p className="mb-2 text-sm" data-testid="compare-summary">
        {cmp.sameFoundCommit === null ? "Not both found a commit." : cmp.sameFoundCommit ? "Both found the same commit." : "They found different commits."}{" "}
        {cmp.commonCommits} commit{cmp.commonCommits === 1 ? "" : "s"} tested by both; verdicts differ on {cmp.differingVerdicts}.
      </p>
      <div className="relative overflow-x-auto">
      <table className="w-full text-sm">
        <thead className="border-b border-line bg-soft text-left">
          <tr>
            <th scope="col" className="px-1.5 py-0.5 font-medium">Commit</th>
            <th scope="col" className="px-1.5 py-0.5 font-medium">Subject</th>
            <th scope="col" className="px-1.5 py-0.5 font-medium whitespace-nowrap">A</th>
            <th scope="col" className="px-1.5 py-0.5 font-medium whitespace-nowrap">B</th>
            <th scope="col" className="px-1.5 py-0.5 font-medium">Crash titles</th>
          </tr>
        </thead>
        <tbody>
          {cmp.rows.map((r) => (
            <tr key={r.commit} className={`border-b border-line align-top ${r.verdictsDiffer ? "bg-warn-bg" : ""}`}>
              <td className="px-1.5 py-0.5 font-mono">
                <Link href={`/c/${r.commit}`}>{shortHash(r.commit)}</Link>
              </td>
              <td className="max-w-[60ch] px-1.5 py-0.5 break-words">{r.subject}</td>
              <td className="px-1.5 py-0.5 whitespace-nowrap">
                <Side outcome={r.outcomeA} role={r.roleA} runs={r.runsA} />
              </td>
              <td className="px-1.5 py-0.5 whitespace-nowrap">
                <Side outcome={r.outcomeB} role={r.roleB} runs={r.runsB} />
                {r.verdictsDiffer && <div className="text-warn-fg">≠ verdicts differ</div>}
              </td>
              <td className="px-1.5 py-0.5 font-mono text-xs break-words">
                {r.titlesDiffer ? (
                  <>
                    <div>
                      <span className="font-sans text-muted">A: </span>
                      {r.titlesA.join(", ") || "no crash"}
                    </div>
                    <div>
                      <span className="font-sans text-muted">B: </span>
                      {r.titlesB.join(", ") || "no crash"}
                    </div>
                  </>
                ) : (
                  r.titlesA.join(", ") || r.titlesB.join(", ")
                )}
              </td>
            </tr>
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
