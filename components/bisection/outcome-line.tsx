import Link from "next/link";
import { shortHash } from "@/lib/format";
import type { OutcomeView } from "@/lib/pages/bisection";
import { SlashBreaks } from "@/components/ui/slash-breaks";

/** What the bisection concluded, in words: "Introduced by <commit>", "Could be any of ...". */
export function OutcomeLine({ o }: { o: OutcomeView }) {
  const Words = <span className="font-semibold">{o.words}</span>;
  if (o.kind === "found") {
    return (
      <p className="text-[1.05rem]" data-testid="found-commit">
        {Words}{" "}
        <Link href={`/c/${o.hash}`} className="font-mono">
          {shortHash(o.hash)}
        </Link>{" "}
        <span className="font-mono break-words">&ldquo;<SlashBreaks text={o.subject} />&rdquo;</span>{" "}
        {o.byline && <span className="text-muted">(<SlashBreaks text={o.byline} />)</span>}
      </p>
    );
  }
  if (o.kind === "inconclusive") {
    return (
      <div>
        <p className="text-[1.05rem]">
          {Words} {o.candidates.length} commits:
        </p>
        <ul className="ml-4 gap-x-6 font-mono text-[0.9rem] xl:columns-2">
          {o.candidates.map((c) => (
            <li key={c.hash}>
              <Link href={`/c/${c.hash}`}>{shortHash(c.hash)}</Link> {c.subject ? `“${c.subject}”` : ""}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (o.kind === "error") {
    return (
      <div className="text-[1.05rem]">
        <p>
          {Words}: <span className="font-mono">{o.first || "(no error text)"}</span>
        </p>
        {o.rest.length > 0 && (
          <details className="text-[0.85rem]">
            <summary className="cursor-pointer text-muted">{o.rest.length} more lines of the error</summary>
            <pre className="overflow-x-auto bg-soft p-1 font-mono whitespace-pre">{o.rest.join("\n")}</pre>
          </details>
        )}
      </div>
    );
  }
  return (
    <p className="text-[1.05rem]">
      {Words}
      {o.horizonMessage && (
        <>
          : <span className="font-mono">&ldquo;{o.horizonMessage}&rdquo;</span>
        </>
      )}
    </p>
  );
}
