"use client";
import Link from "next/link";

export default function BisectionError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert">
      <h1 className="text-lg font-semibold">This bisection could not be shown</h1>
      <p className="text-muted">
        {error.digest ? (
          <>
            The server logged the error as <code className="font-mono">{error.digest}</code>.
          </>
        ) : (
          error.message
        )}
      </p>
      <p className="mt-2 flex gap-3">
        <button type="button" onClick={reset} className="rounded border border-line px-2 py-0.5 hover:bg-hover">
          Try again
        </button>
        <Link href="/">Back to the list</Link>
      </p>
    </div>
  );
}
