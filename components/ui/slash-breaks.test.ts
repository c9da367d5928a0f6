// Where a subject, a byline or a Fixes: line may break on a narrow screen (89d3c425b6e2 at 390 px
// broke "…linux/kernel/g | it/broonie/regulator" and "2021-02- | 22").
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SlashBreaks } from "./slash-breaks";

const html = (text: string | null) => renderToStaticMarkup(createElement(SlashBreaks, { text }));

describe("SlashBreaks", () => {
  it("offers a break after each `/` of a URL and none inside its parts", () => {
    expect(html("of git://git.kernel.org/pub/scm/linux/kernel/git/broonie/regulator")).toBe(
      "of " + ["git:/", "/", "git.kernel.org/", "pub/", "scm/", "linux/", "kernel/", "git/", "broonie/", "regulator"].map((p) => `<span class="whitespace-nowrap">${p}</span>`).join("<wbr/>"),
    );
  });

  it("keeps a date and a hyphenated word whole, and leaves plain words as text", () => {
    expect(html("Linus Torvalds, 2021-02-22")).toBe('Linus Torvalds, <span class="whitespace-nowrap">2021-02-22</span>');
    expect(html(null)).toBe("");
  });

  it("with underscores (crash titles) offers a break after each `_` too, never inside a word", () => {
    // /compare at 390 px broke "bpf_exec_tx_verdi | ct"
    const t = (text: string) => renderToStaticMarkup(createElement(SlashBreaks, { text, underscores: true }));
    expect(t("bug in bpf_exec_tx_verdict, WARNING")).toBe(
      "bug in " + ["bpf_", "exec_", "tx_", "verdict,"].map((p) => `<span class="whitespace-nowrap">${p}</span>`).join("<wbr/>") + " WARNING",
    );
    // without the option an identifier stays one word, as before
    expect(html("bpf_exec_tx_verdict")).toBe("bpf_exec_tx_verdict");
  });
});
