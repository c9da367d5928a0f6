import Link from "next/link";

export default function BisectionNotFound() {
  return (
    <div>
      <h1 className="text-lg font-semibold">No bisection.</h1>
      <p>
        <Link href="/upload">Upload a log</Link> or go to <Link href="/">the list</Link>.
      </p>
    </div>
  );
}
