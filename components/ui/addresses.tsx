import type { ReactNode } from "react";

/** An address this long may not fit a phone's line (about 25 characters of the facts' column at
 *  320 px): it gets break opportunities after its `@` and dots. Shorter ones are sent as they
 *  are, the page weighs what it shows (e2e/page-marks.spec.ts). */
const SPLIT_FROM = 25;
/** A part this long (no `@` or dot in 25 characters) may be wider than the line by itself. */
const LONG_PART = 25;

/** The address with a <wbr> after each `@` and dot; a part too long for a line breaks anywhere. */
function withBreaks(address: string): ReactNode[] {
  const out: ReactNode[] = [];
  let from = 0;
  const push = (end: number) => {
    const p = address.slice(from, end);
    if (out.length) out.push(<wbr key={`w${end}`} />);
    out.push(p.length >= LONG_PART ? <span key={end} className="addr-long">{p}</span> : p);
    from = end;
  };
  for (let i = 0; i < address.length - 1; i++) {
    const c = address.charCodeAt(i);
    if (c === 64 || c === 46) push(i + 1);
  }
  push(address.length);
  return out;
}

/** One e-mail address: a box of its own that does not wrap (.addr in app/globals.css), so a line
 *  breaks before it rather than inside it and never at a hyphen (a hyphen is a break opportunity
 *  in every browser: `linux-kernel@vger.kernel.org` broke as `linux-` / `kernel@…`); one wider
 *  than its line breaks after an `@` or a dot. The text is the address itself, so it copies into
 *  a mail client as it is. */
export function Address({ address, angled = false }: { address: string; angled?: boolean }) {
  const text = address.length < SPLIT_FROM ? address : withBreaks(address);
  // `<address>` after a name: the brackets stay with the address when it moves to a line of its own
  return <span className="addr">{angled ? ["<", text, ">"] : text}</span>;
}

/** Addresses separated by `, `: a line breaks between them. A flat list, no fragment per address
 *  (each would be sent again in the page's React payload). */
export function AddressList({ addresses }: { addresses: readonly string[] }) {
  return addresses.flatMap((a, i) => (i > 0 ? [", ", <Address key={i} address={a} />] : [<Address key={i} address={a} />]));
}
