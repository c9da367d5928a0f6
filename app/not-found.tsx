import Link from "next/link";
import { headers } from "next/headers";
import { MissingBisection } from "@/components/bisection/missing-bisection";
import { decodeMissing, MISSING_HEADER } from "@/lib/server/missing-pages";

/** The 404 page. scripts/serve.ts sends requests for a bisection or commit that is not stored
 *  here with a header naming it (lib/server/missing-pages.ts), so the page says what is
 *  missing, rendered on the server. */
export default async function NotFound() {
  const missing = decodeMissing((await headers()).get(MISSING_HEADER));
  if (missing?.kind === "bisection") return <MissingBisection />;
  return (
    <div className="rounded border border-line bg-soft p-3">
      <h1 className="font-semibold">Not found</h1>
      {missing?.kind === "commit" && (
        <p>
          No stored bisection tested or found a commit starting with <code className="font-mono">{missing.what}</code>.
        </p>
      )}
      {missing?.kind === "compare" && (
        <p>
          Nothing is stored under {missing.what.includes(",") ? "the ids" : "the id"}{" "}
          {missing.what.split(",").map((id, i) => (
            <span key={id}>
              {i > 0 && " and "}
              <code className="font-mono">{id}</code>
            </span>
          ))}
          , so there is nothing to compare.
        </p>
      )}
      <p>
        Go to the <Link href="/">list of bisections</Link> or <Link href="/upload">upload a log</Link>.
      </p>
    </div>
  );
}
