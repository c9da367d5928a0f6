// The judge's sentences quote log text and commands between backticks, as commit messages do
// (an `all runs: OK` line, `git bisect replay`): shown as code, not as backtick characters. A
// text with an odd number of backticks is shown as it is. One pass over the text.
import { Fragment } from "react";

export function Backticks({ text }: { text: string }) {
  const parts = text.split("`");
  if (parts.length < 3 || parts.length % 2 === 0) return <>{text}</>;
  return (
    <>
      {parts.map((p, i) => (i % 2 === 1 ? <code key={i} className="font-mono text-[0.92em]">{p}</code> : <Fragment key={i}>{p}</Fragment>))}
    </>
  );
}
