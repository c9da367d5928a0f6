import type { SignatureColumn } from "./signatures";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Where the title was seen, in counts the log gives: `run #N` lines are counted, an `all runs:`
 *  line is one commit whose run count the log does not say. */
export function rate(col: SignatureColumn): { text: string; title: string } {
  const parts: string[] = [];
  const where = plural(col.rows.length, "commit");
  if (col.runs > 0) parts.push(`${col.crashes} of ${col.runs} runs (${Math.round((col.crashes / col.runs) * 100)}%)`);
  if (col.allRows > 0) parts.push(`all runs at ${plural(col.allRows, "commit")} (run count not logged)`);
  if (col.boot > 0) parts.push(plural(col.boot, "boot failure"));
  if (col.basic > 0) parts.push(`${plural(col.basic, "basic-testing failure")}`);
  const text =
    col.runs > 0
      ? `${col.crashes}/${col.runs} runs${col.allRows > 0 ? ` + all at ${col.allRows}` : ""}`
      : col.allRows > 0
        ? `all runs at ${col.allRows}`
        : col.basic > 0
          ? "basic testing only"
          : "boot only";
  return { text, title: `${col.title}: ${parts.join(", ")} where seen (${where})` };
}

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
  const r = rate(col);
  return (
    <th scope="col" title={r.title} className="min-w-[9ch] max-w-[18ch] border-l border-line px-1.5 py-1 text-left align-bottom font-normal">
      <span className="block break-words font-mono text-[0.8rem] leading-tight font-medium">
        <Breakable text={col.title} />
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
