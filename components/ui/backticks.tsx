// The judge's sentences quote log text and commands between backticks, as commit messages do
// (an `all runs: OK` line, `git bisect replay`): shown as code, not as backtick characters. A
// text with an odd number of backticks is shown as it is. Commit hashes outside the quotes
// (12 to 40 hex digits, as a word) link to their commit's page, as the timeline's hashes do.
// One pass over the text.
import { Fragment } from "react";

const HASH = /\b[0-9a-f]{12,40}\b/g;

/** `text` with its commit hashes as links to /c/<hash>. */
function Commits({ text }: { text: string }) {
  const out: React.ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(HASH)) {
    out.push(text.slice(at, m.index));
    out.push(
      <a key={m.index} href={`/c/${m[0]}`} className="font-mono">
        {m[0]}
      </a>,
    );
    at = m.index + m[0].length;
  }
  if (at === 0) return <>{text}</>;
  out.push(text.slice(at));
  return <>{out}</>;
}

export function Backticks({ text }: { text: string }) {
  const parts = text.split("`");
  if (parts.length < 3 || parts.length % 2 === 0) return <Commits text={text} />;
  return (
    <>
      {parts.map((p, i) =>
        i % 2 === 1 ? (
          <code key={i} className="font-mono text-[0.92em]">
            {p}
          </code>
        ) : (
          <Fragment key={i}>
            <Commits text={p} />
          </Fragment>
        ),
      )}
    </>
  );
}
