// E-mail addresses on a narrow screen: each is one box, broken (when wider than the line) only
// after its `@` and dots, and its text is the address itself (it is copied into mail clients).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Address, AddressList } from "./addresses";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replaceAll("&quot;", '"');

describe("Address", () => {
  it("offers breaks only after the @ and the dots; a hyphen stays inside its part", () => {
    const html = renderToStaticMarkup(createElement(Address, { address: "tipc-discussion@lists.sourceforge.net" }));
    expect(html).toBe('<span class="addr"><span>tipc-discussion@</span><wbr/><span>lists.</span><wbr/><span>sourceforge.</span><wbr/><span>net</span></span>');
    expect(text(html)).toBe("tipc-discussion@lists.sourceforge.net");
    expect(renderToStaticMarkup(createElement(Address, { address: "x." }))).toBe('<span class="addr"><span>x.</span></span>');
  });

  it("lists addresses with `, ` between them, the text as the log gives it", () => {
    const list = ["linux-kernel@vger.kernel.org", 'x"y@z', "a@b.c"];
    expect(text(renderToStaticMarkup(createElement(AddressList, { addresses: list })))).toBe(list.join(", "));
  });
});
