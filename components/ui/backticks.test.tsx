import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Backticks } from "./backticks";

const html = (text: string) => renderToStaticMarkup(<Backticks text={text} />);

describe("Backticks", () => {
  it("shows quoted log text as code, without the backticks (a flaky-good finding's words)", () => {
    expect(html("judged good on an `all runs: OK` line (run count not logged)")).toBe(
      'judged good on an <code class="font-mono text-[0.92em]">all runs: OK</code> line (run count not logged)',
    );
    expect(html("`a` and `b`")).toBe('<code class="font-mono text-[0.92em]">a</code> and <code class="font-mono text-[0.92em]">b</code>');
  });
  it("leaves a text with an unpaired backtick or none as it is", () => {
    expect(html("it`s")).toBe("it`s");
    expect(html("plain & simple")).toBe("plain &amp; simple");
    expect(html("`a` b`")).toBe("`a` b`");
  });
});
