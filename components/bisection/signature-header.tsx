import { columnRate, lostCount, sigKey, type SignatureColumn } from "@/lib/pages/signatures";

/** Column header of the flakiness matrix: the title's key (A, B, ...; the titles are listed in
 *  full by SignatureKeys above the table), the marks of a title that vanishes or fails setup,
 *  and the title in words for screen readers and as the tooltip. A header as short as its
 *  cells keeps a matrix of a dozen titles inside 1366 px with no tall header band. */
export function SignatureHeader({ col, i }: { col: SignatureColumn; i: number }) {
  const r = columnRate(col);
  const marks = `${col.vanishedAfter !== null ? "†" : ""}${col.boot + col.bootAllRows > 0 ? "▲" : ""}${col.basic + col.basicAllRows > 0 ? "⊘" : ""}`;
  return (
    <th scope="col" title={r.title} className="sig-h">
      <span aria-hidden="true">{sigKey(i)}</span>
      {marks && <span aria-hidden="true" className="text-warn-fg">{marks}</span>}
      <span className="sr-only">{col.title}</span>
    </th>
  );
}

/** The matrix's crash titles in full, keyed as its column headers: where each was seen, and
 *  marks for titles that vanish, start or end the bisection, or also fire at boot or in
 *  basic testing. Titles wrap at spaces like any text. */
export function SignatureKeys({ columns }: { columns: SignatureColumn[] }) {
  if (columns.length === 0) return null;
  return (
    <ol className="sig-keys" aria-label="crash titles of the matrix columns">
      {columns.map((col, i) => {
        const r = columnRate(col);
        return (
          <li key={i} id={`sig-${sigKey(i)}`}>
            <b>{sigKey(i)}</b> <span className="font-mono">{col.title.length > 160 ? `${col.title.slice(0, 158)}…` : col.title}</span>{" "}
            <span className="text-muted">{r.text}</span>
            {col.isStart && <span className="sig-tag">start title</span>}
            {col.isFinal && <span className="sig-tag">blamed</span>}
            {col.vanishedAfter !== null && <span className="font-medium text-bad-fg"> † last seen #{col.vanishedAfter}</span>}
            {col.boot + col.bootAllRows > 0 && <span className="font-medium text-warn-fg">{` ▲ boot ${lostCount(col.boot, col.bootAllRows)}`}</span>}
            {col.basic + col.basicAllRows > 0 && <span className="font-medium text-warn-fg">{` ⊘ basic testing ${lostCount(col.basic, col.basicAllRows)}`}</span>}
          </li>
        );
      })}
    </ol>
  );
}
