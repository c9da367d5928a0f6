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
  const boots = c.allBoot ? "every run failed to boot with it" : c.boot ? `${c.boot} boot failure${c.boot === 1 ? "" : "s"}` : "";
  const basic = c.allBasic ? "every run failed basic kernel testing with it" : c.basic ? `${c.basic} of ${c.n ?? "?"} runs failed basic kernel testing with it` : "";
  const title = `#${row}: ${col.title}: ${[c.k || c.all ? crashes : "no crashes", boots, basic].filter(Boolean).join(", ")}`;
  return (
    <td title={title} className={`border-l border-line px-1.5 text-center font-mono whitespace-nowrap ${shadeClass(c)}`}>
      {c.all ? "all" : c.k > 0 ? `${c.k}:${c.n ?? "?"}` : ""}
      {c.boot > 0 && <span className="ml-1 text-warn-fg">▲{c.allBoot ? "all" : c.boot}</span>}
      {c.basic > 0 && <span className="ml-1 text-warn-fg">⊘{c.allBasic ? "all" : `${c.basic}:${c.n ?? "?"}`}</span>}
    </td>
  );
}
