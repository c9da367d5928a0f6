// A maintainer opens a culprit's record and compares two bisections of the same crash.
import { expect, test } from "@playwright/test";
import { CULPRIT, FIXTURE, seedId } from "./helpers";

test("a commit's record: found as culprit, the crash titles, the verdicts, where it was tested", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/c/${CULPRIT.slice(0, 7)}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("997acaf6b4b5");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("lockdep: report broken irq restoration");
  await expect(page.getByText('Fixes: 997acaf6b4b5 ("lockdep: report broken irq restoration")')).toBeVisible();
  // the seed's judge says likely wrong, so the tag comes with a warning
  await expect(page.getByTestId("fixes-warning")).toContainText("judged likely wrong");
  await expect(page.getByRole("heading", { name: /^Record: blamed \d+ times?/ })).toBeVisible();
  const found = page.locator("section", { has: page.getByRole("heading", { name: /^Found by/ }) });
  await expect(found.locator(`a[href="/b/${id}"]`, { hasText: "WARNING in kvm_wait" })).toBeVisible();
  await expect(found.locator(`a[href="/b/${id}"]`, { hasText: id })).toBeVisible();
  await expect(found).toContainText("likely wrong");
  const tested = page.locator("section", { has: page.getByRole("heading", { name: /^Tested in/ }) });
  await expect(tested.getByRole("link", { name: "#13 bisect" }).first()).toHaveAttribute("href", new RegExp(`/b/${id}/log\\?L=\\d+-\\d+#L\\d+`));
  await expect(page).toHaveTitle(/997acaf6b4b5/);
  expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toContain("997acaf6b4b5");
  const missing = await request.get("/c/0000000");
  expect(missing.status()).toBe(404);
});

test("compare two bisections: aligned by commit, the differing verdict flagged", async ({ page, request }) => {
  const a = await seedId(request);
  // the same bisection, except that git was told the first bisect step was good
  const variant = FIXTURE.replace("# git bisect bad c5a58f877ca645a3303f7a57476f2de837fdb97a", "# git bisect good c5a58f877ca645a3303f7a57476f2de837fdb97a");
  const b = (await (await request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: variant })).json()).id;
  expect(b).not.toBe(a);
  // the bisection page lists the other bisection of the same crash, with a compare link
  await page.goto(`/b/${a}`);
  const related = page.locator("#related");
  await expect(related.getByRole("heading")).toContainText("Other bisections of this crash");
  await related.locator(`a[href="/compare?a=${a}&b=${b}"]`).click();
  await expect(page).toHaveURL(`/compare?a=${a}&b=${b}`);
  await expect(page.getByTestId("compare-summary")).toContainText("Both found the same commit.");
  await expect(page.getByTestId("compare-summary")).toContainText("15 commits tested by both; verdicts differ on 1.");
  // each side says which bisection it is, where it started and what crashed there
  for (const [label, id] of [["A", a], ["B", b]]) {
    const head = page.getByTestId(`compare-head-${label}`);
    await expect(head.getByRole("link", { name: id })).toHaveAttribute("href", `/b/${id}`);
    await expect(head).toContainText("15 commits tested from 9c54130cd255, which crashed with WARNING: refcount bug in sk_psock_get");
  }
  const row = page.locator("tr", { has: page.getByRole("link", { name: "c5a58f877ca6" }) });
  await expect(row).toContainText("verdicts differ");
  await expect(row).toContainText("crashed");
  await expect(row).toContainText("OK");
  // each side's runs in words (L35-L44: 6 crashed, 3 OK, 1 boot failed); the start commit's row says
  // what it was (L5-L24: 20 runs, all crashed)
  await expect(row).toContainText("6 of 10 crashed, 1 boot failed");
  const start = page.locator("tr", { has: page.getByRole("link", { name: "9c54130cd255" }) });
  await expect(start).toContainText("start");
  await expect(start).toContainText("20 of 20 crashed");
  await page.goto("/compare?a=nope&b=");
  await expect(page.getByText("Give two bisection ids")).toBeVisible();
});
