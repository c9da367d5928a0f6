import { columnRate, type SignatureColumn } from "@/lib/pages/signatures";

/** A crash title with break opportunities after `_`, `/` and `.`, so long function names wrap
 *  between their parts rather than mid-word. */
function Breakable({ text }: { text: string }) {
  const parts = text.split(/(?<=[_/.])/);
  return (
    <>
      {parts.map((p, i) => (
        <span key={i}>
          {p}
          {i < parts.length - 1 && <wbr />}
        </span>
      ))}
    </>
  );
}

/** Column header of the flakiness matrix: the title, its reproduction rate where it occurs,
 *  and marks for titles that vanish or also fire at boot. */
export function SignatureHeader({ col }: { col: SignatureColumn }) {
  const r = columnRate(col);
  return (
    <th scope="col" title={r.title} className="min-w-[9ch] max-w-[18ch] border-l border-line px-1.5 py-1 text-left align-bottom font-normal">
      <span className="block break-words font-mono text-[0.8rem] leading-tight font-medium">
        <Breakable text={col.title.length > 90 ? `${col.title.slice(0, 88)}…` : col.title} />
      </span>
      <span className="mt-0.5 flex flex-wrap gap-x-1.5 text-[0.75rem] text-muted">
        <span>{r.text}</span>
        {col.isStart && <span className="rounded border border-line px-0.5 text-fg">start title</span>}
        {col.isFinal && <span className="rounded border border-line px-0.5 text-fg">blamed</span>}
        {col.vanishedAfter !== null && <span className="font-medium text-bad-fg">† last seen #{col.vanishedAfter}</span>}
        {col.boot > 0 && <span className="font-medium text-warn-fg">▲ boot ×{col.boot}</span>}
        {col.basic > 0 && <span className="font-medium text-warn-fg">⊘ basic testing ×{col.basic}</span>}
      </span>
    </th>
  );
}
