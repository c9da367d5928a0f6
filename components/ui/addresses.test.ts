// E-mail addresses on a narrow screen: each is one box, broken (when wider than the line) only
// after its `@` and dots, and its text is the address itself (it is copied into mail clients).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Address, AddressList } from "./addresses";

const html = (address: string) => renderToStaticMarkup(createElement(Address, { address }));
const text = (h: string) => h.replace(/<[^>]+>/g, "").replaceAll("&quot;", '"');

describe("Address", () => {
  it("offers breaks only after the @ and the dots of a long address; a hyphen stays inside its part", () => {
    const h = html("tipc-discussion@lists.sourceforge.net");
    expect(h).toBe('<span class="addr">tipc-discussion@<wbr/>lists.<wbr/>sourceforge.<wbr/>net</span>');
    expect(text(h)).toBe("tipc-discussion@lists.sourceforge.net");
  });

  it("sends a short address as it is, and lets a part longer than a line break anywhere", () => {
    expect(html("will@kernel.org")).toBe('<span class="addr">will@kernel.org</span>');
    const long = "a-mailing-list-name-longer-than-a-phone-screen-is-wide@example.org";
    expect(html(long)).toBe('<span class="addr"><span class="addr-long">a-mailing-list-name-longer-than-a-phone-screen-is-wide@</span><wbr/>example.<wbr/>org</span>');
  });

  it("keeps the brackets of `Name <address>` with the address", () => {
    expect(renderToStaticMarkup(createElement(Address, { address: "torvalds@linux-foundation.org", angled: true }))).toBe('<span class="addr">&lt;torvalds@<wbr/>linux-foundation.<wbr/>org&gt;</span>');
  });

  it("lists addresses with `, ` between them, the text as the log gives it", () => {
    const list = ["linux-kernel@vger.kernel.org", 'x"y@z', "a@b.c"];
    expect(text(renderToStaticMarkup(createElement(AddressList, { addresses: list })))).toBe(list.join(", "));
  });
});
