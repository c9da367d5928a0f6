import Link from "next/link";

export default function NotFound() {
  return (
    <div className="rounded border border-line bg-soft p-3">
      <h1 className="font-semibold">Not found</h1>
      <p>
        There is nothing at this address. Go to the <Link href="/">list of bisections</Link> or <Link href="/upload">upload a log</Link>.
      </p>
    </div>
  );
}
