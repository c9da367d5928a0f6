import Link from "next/link";
import { outcomeWords, shortHash } from "@/lib/format";
import type { UiCommit } from "./types";

interface Props {
  type: string;
  outcome: string;
  found: UiCommit | null;
  candidates: { hash: string; subject: string | null }[];
  error: string | null;
  horizonMessage: string | null;
}

function day(d: Date | string | null): string | null {
  if (!d) return null;
  const date = typeof d === "string" ? new Date(d) : d;
  return Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10);
}

/** What the bisection concluded, in words: "introduced by <commit>", "could be any of ...". */
export function OutcomeLine({ type, outcome, found, candidates, error, horizonMessage }: Props) {
  const words = outcomeWords(type, outcome);
  const Words = <span className="font-semibold">{words.charAt(0).toUpperCase() + words.slice(1)}</span>;
  if (outcome === "found" && found) {
    const byline = [found.author, day(found.date)].filter(Boolean).join(", ");
    return (
      <p className="text-[1.05rem]" data-testid="found-commit">
        {Words}{" "}
        <Link href={`/c/${found.hash}`} className="font-mono">
          {shortHash(found.hash)}
        </Link>{" "}
        <span className="font-mono [overflow-wrap:anywhere]">&ldquo;{found.subject}&rdquo;</span>{" "}
        {byline && <span className="text-muted">({byline})</span>}
      </p>
    );
  }
  if (outcome === "inconclusive") {
    return (
      <div>
        <p className="text-[1.05rem]">
          {Words} {candidates.length} commits:
        </p>
        <ul className="ml-4 gap-x-6 font-mono text-[0.9rem] xl:columns-2">
          {candidates.map((c) => (
            <li key={c.hash}>
              <Link href={`/c/${c.hash}`}>{shortHash(c.hash)}</Link> {c.subject ? `“${c.subject}”` : ""}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (outcome === "error") {
    const [first, ...rest] = (error ?? "").split("\n");
    return (
      <div className="text-[1.05rem]">
        <p>
          {Words}: <span className="font-mono">{first || "(no error text)"}</span>
        </p>
        {rest.length > 0 && (
          <details className="text-[0.85rem]">
            <summary className="cursor-pointer text-muted">{rest.length} more lines of the error</summary>
            <pre className="overflow-x-auto bg-soft p-1 font-mono whitespace-pre">{rest.join("\n")}</pre>
          </details>
        )}
      </div>
    );
  }
  return (
    <p className="text-[1.05rem]">
      {Words}
      {outcome === "horizon" && horizonMessage && (
        <>
          : <span className="font-mono">&ldquo;{horizonMessage}&rdquo;</span>
        </>
      )}
    </p>
  );
}
