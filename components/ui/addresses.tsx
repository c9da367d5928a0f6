import { Fragment } from "react";

/** Where an address may break when it is wider than its line: after its `@` and its dots. */
function parts(address: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < address.length - 1; i++) {
    const c = address.charCodeAt(i);
    if (c === 64 || c === 46) {
      out.push(address.slice(from, i + 1));
      from = i + 1;
    }
  }
  out.push(address.slice(from));
  return out;
}

/** One e-mail address, whole on a line where it fits (a box of its own, .addr in
 *  app/globals.css), else broken after an `@` or a dot, never at a hyphen (a hyphen is a break
 *  opportunity in every browser: `linux-kernel@vger.kernel.org` broke as `linux-` / `kernel@…`).
 *  The text is the address itself, so it copies into a mail client as it is. */
export function Address({ address }: { address: string }) {
  return (
    <span className="addr">
      {parts(address).map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span>{p}</span>
        </Fragment>
      ))}
    </span>
  );
}

/** Addresses separated by `, `: a line breaks between them. */
export function AddressList({ addresses }: { addresses: readonly string[] }) {
  return (
    <>
      {addresses.map((a, i) => (
        <Fragment key={i}>
          {i > 0 && ", "}
          <Address address={a} />
        </Fragment>
      ))}
    </>
  );
}
