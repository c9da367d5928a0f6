// The list's filters offer each value in the words the table's cells use for it.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseListParams } from "@/lib/validations/list";
import { ListFilters } from "./list-filters";

describe("list filters", () => {
  it("name verdicts and outcomes as the table does, and keep the URL's values", () => {
    const html = renderToStaticMarkup(<ListFilters params={parseListParams({ verdict: "likely-wrong", outcome: "horizon" })} feedHref="/feed.xml" />);
    expect(html).toContain('<option value="likely-wrong" selected="">likely wrong</option>');
    expect(html).toContain('<option value="clean">no warning signs</option>');
    expect(html).toContain('<option value="horizon" selected="">oldest release / still on HEAD</option>');
    expect(html).toContain('<option value="found">found</option>');
  });
});
