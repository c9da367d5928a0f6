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
  it("links commit hashes outside the quotes to their commit pages", () => {
    expect(html("8 bad verdicts (c5a58f877ca6, a864e8f159b1) were decided by `all runs: crashed` in 5 of 10")).toBe(
      '8 bad verdicts (<a href="/c/c5a58f877ca6" class="font-mono">c5a58f877ca6</a>, <a href="/c/a864e8f159b1" class="font-mono">a864e8f159b1</a>) were decided by <code class="font-mono text-[0.92em]">all runs: crashed</code> in 5 of 10',
    );
    expect(html("revert 997acaf6b4b59c6a9c259740312a69ea549cc684 on it")).toContain('href="/c/997acaf6b4b59c6a9c259740312a69ea549cc684"');
    // not a hash: too short, too long, inside a word, or quoted
    expect(html("deadbeef 0123456789abcdef0123456789abcdef0123456789 xc5a58f877ca6 `c5a58f877ca6`")).not.toContain("<a ");
  });
});
