import Link from "next/link";
import { getPrisma } from "@/lib/db";
import { listBisections } from "@/lib/data/list";
import { parseListParams } from "@/lib/validations/list";
import { shortHash } from "@/lib/format";

export const dynamic = "force-dynamic";

export default async function Home({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const params = parseListParams(await searchParams);
  const page = await listBisections(getPrisma(), params);
  return (
    <div>
      <h1 className="mb-2 text-lg font-semibold">Bisections ({page.total})</h1>
      {page.total === 0 ? (
        <p>
          No bisections yet. <Link href="/upload">Upload a log</Link>.
        </p>
      ) : (
        <ul>
          {page.rows.map((r) => (
            <li key={r.id}>
              <Link href={`/b/${r.id}`}>{r.crashTitle ?? r.id}</Link> {r.foundCommit && shortHash(r.foundCommit.hash)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
