"use client";
// The last resort for an error a page did not handle. A database outage is normally caught
// by the page itself (lib/page-guard.tsx renders the server-side "database unavailable" view
// with status 503); one that still reaches here carries its own digest and says so.
import { DatabaseUnavailable } from "@/components/database-unavailable";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  if (error.digest === "DATABASE_UNAVAILABLE") return <DatabaseUnavailable reason="the database did not answer" />;
  return (
    <div role="alert" className="rounded border border-line bg-bad-bg p-3 text-bad-fg">
      <h1 className="font-semibold">Something went wrong on our side</h1>
      <p>
        {error.message || "The page could not be rendered."} {error.digest && <code className="font-mono">({error.digest})</code>}
      </p>
      <button type="button" onClick={reset} className="mt-2 rounded border border-line px-2 py-0.5">
        Try again
      </button>
    </div>
  );
}
