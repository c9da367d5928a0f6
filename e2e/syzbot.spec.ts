// Paste a syzbot link, land on the bisection, follow its links back to syzbot; then mark the
// bisection wrong with the real culprit and see the mark on the page, the commit and the list.
// The e2e server runs a local stand-in for syzbot (scripts/e2e-server.ts) with fetching on.
import { expect, test } from "@playwright/test";
import { E2E_SYZBOT_BUGS, syzbotOrigin } from "./syzbot-fixtures";

const BUG = E2E_SYZBOT_BUGS[0];
const FOUND = "e4b8954074f6d0db01c8c97d338a67f9389c042f"; // Log_10073cd0700000's culprit
const REAL = "79074a72d335dbd021a716d8cc65cba3b2f706ab"; // the corpus label's ground truth

test.describe.configure({ mode: "serial" });
let permalink = "";

test("paste a syzbot bug link, land on the bisection, and follow its links back to syzbot", async ({ page, request }) => {
  await page.goto("/upload");
  await page.getByLabel("Log text, or a syzbot link or email").fill(`${syzbotOrigin()}/bug?extid=${BUG.extid}`);
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page).toHaveURL(/\/b\/[0-9a-f]{12}$/);
  permalink = new URL(page.url()).pathname;
  const nav = page.getByRole("navigation", { name: "On syzbot" });
  await expect(nav).toContainText(BUG.title);
  const hrefs: Record<string, string | null> = {};
  for (const label of ["syzbot bug", "bisect.txt", ".config", "repro", "syz repro"]) hrefs[label] = await nav.getByRole("link", { name: label, exact: true }).getAttribute("href");
  expect(hrefs).toEqual({
    "syzbot bug": `${syzbotOrigin()}/bug?extid=${BUG.extid}`,
    "bisect.txt": `${syzbotOrigin()}/x/bisect.txt?x=10073cd0700000`,
    ".config": `${syzbotOrigin()}/text?tag=KernelConfig&x=3${BUG.extid.slice(0, 11)}`,
    repro: `${syzbotOrigin()}/text?tag=ReproC&x=2${BUG.extid.slice(0, 11)}`,
    "syz repro": `${syzbotOrigin()}/text?tag=ReproSyz&x=1${BUG.extid.slice(0, 11)}`,
  });
  // the links lead where they say: the log is the one stored, the bug page is the bug's
  const log = await request.get(hrefs["bisect.txt"]!);
  expect(log.status()).toBe(200);
  // stored with line endings and trailing whitespace normalized (the permalink's rule)
  const norm = (t: string) => t.split("\n").map((l) => l.trimEnd()).join("\n").trimEnd();
  expect(norm(await log.text())).toBe(norm(await (await request.get(`${permalink}/log.txt`)).text()));
  expect(await (await request.get(hrefs["syzbot bug"]!)).text()).toContain(BUG.title);
  // the syzbot id is a permalink too
  await page.goto("/x/10073cd0700000");
  await expect(page).toHaveURL(new RegExp(`${permalink}$`));
  // pasting the log's link again lands on the same page
  await page.goto("/upload");
  await page.getByLabel("Log text, or a syzbot link or email").fill(`https://syzkaller.appspot.com/x/bisect.txt?x=10073cd0700000`);
  await page.getByRole("button", { name: "Upload" }).click();
  await expect(page).toHaveURL(new RegExp(`${permalink}$`));
});

test("mark a bisection wrong with the real culprit; see it on the page, the commit and the list filter", async ({ page }) => {
  await page.goto(permalink);
  await expect(page.getByTestId("marks-summary")).toHaveText("no developer has marked this yet");
  await page.getByText("Mark this bisection").click();
  await page.getByLabel("wrong: the real culprit is").check();
  await page.getByLabel("real culprit commit hash").fill(REAL);
  await page.getByLabel("Note").fill("the fix's Fixes: tag names another commit");
  await page.getByLabel("lore link (optional)").fill("https://lore.kernel.org/all/000000000000@google.com/");
  await page.getByRole("button", { name: "Add my mark" }).click();
  await expect(page).toHaveURL(new RegExp(`${permalink}#marks$`));
  await expect(page.getByTestId("marks-summary")).toHaveText("1 developer marked this culprit wrong");
  const marks = page.locator("#marks");
  await expect(marks.getByRole("link", { name: REAL.slice(0, 12) }).first()).toHaveAttribute("href", `/c/${REAL}`);
  await expect(marks).toContainText("the fix's Fixes: tag names another commit");
  await expect(marks.getByRole("link", { name: "lore" })).toHaveAttribute("href", "https://lore.kernel.org/all/000000000000@google.com/");

  await page.goto(`/c/${FOUND}`);
  await expect(page.getByTestId("commit-marks")).toHaveText("1 developer marked this culprit wrong");

  await page.goto("/");
  await page.getByLabel("Developers").selectOption("wrong");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]mark=wrong/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bisections (1)");
  await expect(page.locator(`main a[href="${permalink}"]`).first()).toBeVisible();
});

test("a note with a NUL in it is refused by the mark form with the reason, and nothing is stored", async ({ page, request }) => {
  const before = (await (await request.get(`/api${permalink.replace("/b/", "/bisections/")}/marks`)).json()).history.length;
  await page.goto(permalink);
  await page.getByText("Mark this bisection").click();
  await page.getByLabel("wrong", { exact: true }).check();
  const note = page.getByLabel("Note");
  await note.fill("a\u0000b");
  expect(await note.evaluate((el) => (el as HTMLTextAreaElement).value)).toBe("a\u0000b");
  await page.getByRole("button", { name: "Add my mark" }).click();
  await expect(page.locator("#mark-error")).toContainText("Not stored: note: the note must not contain control characters");
  expect((await (await request.get(`/api${permalink.replace("/b/", "/bisections/")}/marks`)).json()).history).toHaveLength(before);
});
