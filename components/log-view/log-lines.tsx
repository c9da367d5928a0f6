// The raw log, one element per line, rendered on the server as text. Kept to the least markup
// that still gives every line an id (`L<n>`) and a number that links to it, so a 10 MB log
// stays a plain, fast page; `:target` highlights a linked line without JavaScript.

const LINE = "pl-[8ch] -indent-[8ch] hover:bg-hover";
const NUMBER = "inline-block w-[8ch] indent-0 pr-[1.5ch] text-right text-muted! select-none";

/** `selected` (from `?L=a-b`) is marked on the server, so it shows without JavaScript. */
export function LogLines({ text, selected }: { text: string; selected?: [number, number] | null }) {
  const [from, to] = selected ?? [0, -1];
  const lines = text.split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return (
    <pre
      data-log-lines
      className="overflow-x-auto font-mono text-[0.8rem] leading-[1.35] break-all whitespace-pre-wrap [&:not([data-js])>div:target]:bg-mark [&>div[data-sel]]:bg-mark [&:not([data-js])>div:target>a]:text-fg! [&>div[data-sel]>a]:text-fg!"
    >
      {lines.map((l, i) => (
        <div key={i} id={`L${i + 1}`} className={LINE} data-sel={i + 1 >= from && i + 1 <= to ? "" : undefined}>
          <a href={`#L${i + 1}`} className={NUMBER} data-line={i + 1}>
            {i + 1}
          </a>
          {l}
        </div>
      ))}
    </pre>
  );
}
