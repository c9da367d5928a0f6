import Link from "next/link";

/** What /b/<id> says when there is no such bisection. */
export function MissingBisection({ id }: { id: string }) {
  return (
    <div data-testid="missing-bisection">
      <h1 className="text-lg font-semibold">
        No bisection <span className="font-mono">{id}</span>.
      </h1>
      <p>
        <Link href="/upload">Upload a log</Link> or go to <Link href="/">the list</Link>.
      </p>
    </div>
  );
}
