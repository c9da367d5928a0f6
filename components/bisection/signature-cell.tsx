import { cellTitle, shade, type SignatureColumn } from "@/lib/pages/signatures";

/** Background shades of a k/n cell, static for Tailwind; the strongest keeps text at AA contrast
 *  in both themes. */
const SHADES = ["", "bg-crash/10", "bg-crash/15", "bg-crash/20", "bg-crash/25", "bg-crash/30"];

/** One k/n cell, shaded by k/n; the number carries the meaning, the shade only helps scan. */
export function SignatureCellView({ col, row }: { col: SignatureColumn; row: number }) {
  const c = col.cells.get(row);
  if (!c) {
    return (
      // a dot drawn by CSS (.sig-none): the matrix has a cell per commit and title
      <td className="sig-cell sig-none" />
    );
  }
  return (
    <td title={cellTitle(col, row, c)} className={`sig-cell font-mono whitespace-nowrap ${SHADES[shade(c)]}`}>
      {c.all ? "all" : c.k > 0 ? `${c.k}/${c.n ?? "?"}` : ""}
      {c.boot > 0 && <span className="ml-1 text-warn-fg">▲{c.allBoot ? "all" : c.boot}</span>}
      {/* a count, like ▲ beside it: the cell's k/n is the crashes' (its tooltip says "N of M runs") */}
      {c.basic > 0 && <span className="ml-1 text-warn-fg">{`⊘${c.allBasic ? "all" : c.basic}`}</span>}
    </td>
  );
}
