import Link from "next/link";

/** What /b/<id> says when there is no such bisection (server-rendered: it reads without JS). */
export function MissingBisection() {
  return (
    <div data-testid="missing-bisection">
      <h1 className="text-lg font-semibold">No such bisection</h1>
      <p>
        Nothing is stored under this id. Check the link, <Link href="/upload">upload a log</Link> or go to{" "}
        <Link href="/">the list</Link>.
      </p>
    </div>
  );
}
