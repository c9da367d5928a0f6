// axe-core finds no violations on the browsing pages, in light and in dark.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { seedId } from "./helpers";

for (const scheme of ["light", "dark"] as const) {
  test(`no axe violations on the list, upload, commit and compare pages (${scheme})`, async ({ page, request }) => {
    test.setTimeout(120_000); // six axe runs in one test
    const id = await seedId(request);
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ["/", "/?q=kvm_wait", "/?q=nothing-matches-this", "/upload", "/c/997acaf6b4b5", `/compare?a=${id}&b=${id}`]) {
      await page.goto(path);
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`)).toEqual([]);
    }
  });
}
