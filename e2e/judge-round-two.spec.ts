// A maintainer told "likely wrong" reads, on the seed bisection's page, the chance that the
// result is wrong, where syzbot would route the crash, the range the trusted verdicts still
// support and the replay script to continue by hand. Values checked by hand against
// lib/parser/testdata/cause-kvm_wait-title-drift.txt: the start commit crashed with
// "WARNING: refcount bug in sk_psock_get" (lines 5-24), every bad verdict after it came from
// "WARNING in kvm_wait", the last good verdict is 2f0df49c89ac (line 183).
import { expect, test } from "@playwright/test";
import { seedId } from "./helpers";


test("read the chance, the guilty file, the trusted range and copy the replay script", async ({ page, request, context }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}`);
  const chance = page.getByTestId("chance");
  await expect(chance).toContainText(/Chance this result is wrong: (9\d|8\d)%/);
  await expect(chance).toContainText("blamed the wrong commit");
  await expect(chance).toContainText("title-drift:high");

  const guilty = page.getByTestId("guilty-file");
  await expect(guilty).toContainText("arch/x86/kernel/kvm.c");
  await expect(guilty).toContainText("from frame kvm_wait");
  await expect(guilty).toContainText("kernel/locking/irqflag-debug.c (locking primitives and lockdep)");
  await expect(guilty.locator(`a[href='/b/${id}/log#L263']`)).toHaveCount(1);

  const range = page.getByTestId("trusted-range");
  await expect(range).toContainText("does not trust 8 of 13 verdicts");
  await expect(range.locator(`a[href='/b/${id}/log#L183']`)).toHaveCount(1);
  await expect(range.getByTestId("revisions-left")).toContainText(/about [\d,]+ commits/);
  const script = range.getByTestId("replay-script");
  await expect(script).toContainText("git bisect start '9c54130cd25528028b2d38f6ada0c79e92210390' 'f40ddce88593482919761f74910f42f4b84c004b'");
  await expect(script).toContainText("git bisect good 2f0df49c89acaa58571d509830bc481250699885");
  await expect(script).toContainText("# not trusted: crashed only with “WARNING in kvm_wait”\n# git bisect bad 997acaf6b4b59c6a9c259740312a69ea549cc684");
  await expect(range).toContainText("revert 997acaf6b4b5 on the start commit 9c54130cd255");

  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await range.getByRole("button", { name: "copy replay script" }).click();
  await expect(range.getByRole("button", { name: /copied/ })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.split("\n")[0]).toBe("git bisect start '9c54130cd25528028b2d38f6ada0c79e92210390' 'f40ddce88593482919761f74910f42f4b84c004b'");
  expect(copied).toContain("git bisect good e4286926abbbaab9b047c8bc25cae78ec990928f");
});

test("the API returns the chance and the judge's detail", async ({ request }) => {
  const id = await seedId(request);
  const b = await (await request.get(`/api/bisections/${id}`)).json();
  expect(b.chanceWrong).toBeGreaterThan(0.5);
  expect(b.chanceWrong).toBeLessThanOrEqual(1);
  expect(b.judgeDetail.guilty.file).toBe("arch/x86/kernel/kvm.c");
  expect(b.judgeDetail.trust.good).toBe("2f0df49c89acaa58571d509830bc481250699885");
  expect(b.judgeDetail.trust.script).toMatch(/^git bisect start '9c54130c/);
});
