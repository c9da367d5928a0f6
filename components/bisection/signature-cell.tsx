import { shadeClass, type SignatureColumn } from "./signatures";

/** One k:n cell, shaded by k/n; the number carries the meaning, the shade only helps scan. */
export function SignatureCellView({ col, row }: { col: SignatureColumn; row: number }) {
  const c = col.cells.get(row);
  if (!c) {
    return (
      <td className="border-l border-line px-1.5 text-center text-muted">
        <span aria-hidden="true">·</span>
        <span className="sr-only">none</span>
      </td>
    );
  }
  const crashes = c.all ? "all runs" : `${c.k} of ${c.n ?? "?"} runs`;
  const title = `#${row}: ${col.title}: ${crashes}${c.boot ? `, ${c.boot} boot failure${c.boot === 1 ? "" : "s"}` : ""}`;
  return (
    <td title={title} className={`border-l border-line px-1.5 text-center font-mono whitespace-nowrap ${shadeClass(c)}`}>
      {c.all ? "all" : c.k > 0 ? `${c.k}:${c.n ?? "?"}` : ""}
      {c.boot > 0 && <span className="ml-1 text-warn-fg">▲{c.boot}</span>}
    </td>
  );
}
