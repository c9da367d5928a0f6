import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { getPrisma } from "@/lib/db";
import { getRawLog } from "@/lib/data/bisection";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { LogLines } from "@/components/log-view/log-lines";
import { LineSelection } from "@/components/log-view/line-selection";
import { guardMetadata, guardPage } from "@/lib/page-guard";
import { parseLineRange } from "@/lib/log-range";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

async function metadataFor({ params }: Props): Promise<Metadata> {
  return { title: `log of bisection ${(await params).id}` };
}

async function LogPageContent({ params, searchParams }: Props) {
  const { id } = await params;
  const l = (await searchParams).L;
  const selected = parseLineRange(typeof l === "string" ? l : null);
  const text = bisectionIdSchema.safeParse(id).success ? await getRawLog(getPrisma(), id) : null;
  if (text === null) notFound();
  return (
    <article>
      <div className="mb-1 flex flex-wrap items-baseline gap-x-4">
        <h1 className="text-base font-semibold">
          Log of bisection <span className="font-mono">{id}</span>
        </h1>
        <nav aria-label="This log" className="flex gap-3 text-[0.9rem]">
          <Link href={`/b/${id}`}>[bisection]</Link>
          <a href={`/b/${id}/log.txt`}>[log.txt]</a>
        </nav>
        <p className="text-[0.85rem] text-muted">click a line number to link to it; shift-click to select a range</p>
      </div>
      <LogLines text={text} selected={selected} />
      <LineSelection />
    </article>
  );
}

export default async function LogPage(props: Props) {
  return guardPage(() => LogPageContent(props));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return guardMetadata(() => metadataFor(props));
}
