import Link from "next/link";

const FIELD_WORDS: Record<string, string> = {
  subject: "subject",
  author: "author",
  authorEmail: "author email",
  dateText: "date",
  message: "message",
  mergeParents: "merge parents",
  files: "changed files",
};

interface Group {
  first: { bisectionId: string; subject: string | null; author: string | null; dateText: string | null; files: number };
  bisectionIds: string[];
  differs: string[];
}

/** Logs that found this hash but print it differently: each account, who says it, and what
 *  differs from the first upload's. A bisection page always shows its own log's account. */
export function DisagreeingAccounts({ groups }: { groups: Group[] }) {
  if (groups.length < 2) return null;
  return (
    <section aria-labelledby="accounts-h" className="mb-4 rounded border border-bad-fg bg-bad-bg p-2 text-sm">
      <h2 id="accounts-h" className="font-semibold text-bad-fg">
        <span aria-hidden>✕ </span>The logs disagree about this commit: {groups.length} different accounts
      </h2>
      <p className="my-1">
        A git hash names one commit, so at least one of these logs was edited or crafted. The header above is the first
        upload&apos;s; each bisection page shows what its own log says.
      </p>
      <ol className="list-decimal pl-5">
        {groups.map((g, i) => (
          <li key={g.first.bisectionId} className="my-1">
            <span className="font-mono">{g.first.subject ?? "(no subject)"}</span> · {g.first.author ?? "(no author)"}
            {g.first.dateText && <> · {g.first.dateText}</>} · {g.first.files} file{g.first.files === 1 ? "" : "s"}
            {i > 0 && <span className="text-bad-fg"> · differs in {g.differs.map((f) => FIELD_WORDS[f] ?? f).join(", ")}</span>}
            <br />
            <span className="text-muted">according to </span>
            {g.bisectionIds.slice(0, 20).map((id, j) => (
              <span key={id}>
                {j > 0 && ", "}
                <Link href={`/b/${id}`} className="font-mono">
                  {id}
                </Link>
              </span>
            ))}
            {g.bisectionIds.length > 20 && <span className="text-muted"> and {g.bisectionIds.length - 20} more</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
