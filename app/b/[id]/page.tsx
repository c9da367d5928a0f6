import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPrisma } from "@/lib/db";
import { getBisection } from "@/lib/data/bisection";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { outcomeWords, shortHash } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  if (!bisectionIdSchema.safeParse(id).success) return null;
  return getBisection(getPrisma(), id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const b = await load((await params).id);
  if (!b) return { title: "Bisection not found" };
  const title = b.crashSignature?.title ?? b.startSignature?.title ?? "bisection";
  const what = b.foundCommit ? `${b.type === "fix" ? "fix" : "culprit"} ${shortHash(b.foundCommit.hash)}: ${title}` : `${b.type} bisection: ${title}`;
  return { title: what, openGraph: { title: what }, twitter: { card: "summary", title: what } };
}

export default async function BisectionPage({ params }: Props) {
  const { id } = await params;
  const b = await load(id);
  if (!b) notFound();
  const title = b.crashSignature?.title ?? b.startSignature?.title ?? "(no crash title)";
  return (
    <article>
      <h1 className="font-mono text-lg font-semibold">{title}</h1>
      <p>
        {b.type} bisection · {outcomeWords(b.type, b.outcome)}{" "}
        {b.foundCommit && (
          <span data-testid="found-commit">
            <code className="font-mono">{shortHash(b.foundCommit.hash)}</code> &ldquo;{b.foundCommit.subject}&rdquo;
          </span>
        )}
      </p>
      <p>{b.stepCount} tested commits</p>
      <p>
        <Link href={`/b/${b.id}/log`}>raw log</Link>
      </p>
    </article>
  );
}
