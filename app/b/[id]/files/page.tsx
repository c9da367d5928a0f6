// Every file the found commit changed, 1,000 to a page, optionally under one directory: the
// bisection page lists the first ones and a count per directory, and links here.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getPrisma } from "@/lib/db";
import { getBisection } from "@/lib/data/bisection";
import { bisectionIdSchema } from "@/lib/validations/upload";
import { guardMetadata, guardPage } from "@/lib/page-guard";
import { FileTable } from "@/components/bisection/culprit-section";
import { Pagination } from "@/components/data-table/pagination";
import { shortHash } from "@/lib/format";

export const dynamic = "force-dynamic";

const PER = 1000;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const query = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  dir: z
    .string()
    .max(4096)
    .regex(/^[^\u0000]*$/)
    .optional()
    .catch(undefined),
});

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

async function FilesContent({ params, searchParams }: Props) {
  const { id } = await params;
  const raw = await searchParams;
  const { page, dir } = query.parse({ page: one(raw.page), dir: one(raw.dir) || undefined });
  const b = bisectionIdSchema.safeParse(id).success ? await getBisection(getPrisma(), id) : null;
  if (!b) notFound();
  const c = b.foundCommit;
  const all = c?.files ?? [];
  const files = dir ? all.filter((f) => f.path.startsWith(dir)) : all;
  const pages = Math.max(1, Math.ceil(files.length / PER));
  const shown = files.slice((page - 1) * PER, page * PER);
  const href = (p: number) => `/b/${id}/files?${new URLSearchParams({ ...(dir ? { dir } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <article>
      <h1 className="text-base font-semibold">
        Files changed by {c ? <span className="font-mono">{shortHash(c.hash)}</span> : "the found commit"}
        {c?.subject && <span className="font-mono [overflow-wrap:anywhere]"> &ldquo;{c.subject}&rdquo;</span>}
        {dir && (
          <>
            {" "}under <span className="font-mono">{dir}</span>
          </>
        )}
      </h1>
      <p className="text-[0.9rem]">
        <Link href={`/b/${id}`}>[bisection {id}]</Link>
        {dir && (
          <>
            {" "}
            <Link href={`/b/${id}/files`}>[every directory]</Link>
          </>
        )}{" "}
        <span className="text-muted">
          {files.length.toLocaleString("en")} of {all.length.toLocaleString("en")} files, as the log&rsquo;s diffstat lists them
        </span>
      </p>
      {!c && <p className="text-muted">This bisection names no commit.</p>}
      {c && shown.length === 0 && <p className="text-muted">No file {dir ? `under ${dir}` : "on this page"}.</p>}
      {c && shown.length > 0 && <FileTable files={shown} hash={c.hash} caption={`files changed, page ${page}`} captionHidden />}
      {pages > 1 && <Pagination page={page} pages={pages} total={files.length} per={PER} hrefFor={href} />}
    </article>
  );
}

export default async function FilesPage(props: Props) {
  return guardPage(() => FilesContent(props));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return guardMetadata(async () => ({ title: `files of bisection ${(await props.params).id}` }));
}
