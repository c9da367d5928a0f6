// Marks that agree with the log (issue 12), on real logs the e2e server seeds: what blocked an
// error bisection, the matrix legend, a cut log's culprit, the files of a commit and the weight
// of the log pages. Expected values read from the logs by hand.
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { seedId } from "./helpers";

const BLOCKED = "lib/parser/testdata/corpus/2022-error-too-long-releases-blocked-by-basic-testing.Log_17ee6a6c880000.txt";
const CUT = "lib/parser/testdata/corpus/2021-cut-after-culprit-message-at-line-202.Log_13532e85b00000.txt";

async function idOf(request: APIRequestContext, file: string): Promise<string> {
  // a stored log uploaded again answers with its permalink
  const res = await request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: readFileSync(file, "utf8") });
  const body = await res.json();
  expect(body.duplicate, file).toBe(true);
  return body.id as string;
}

test("an error bisection names the crash that blocked its releases, linked to the log lines", async ({ page, request }) => {
  const id = await idOf(request, BLOCKED);
  await page.goto(`/b/${id}`);
  const blocking = page.getByTestId("blocking");
  await expect(blocking).toContainText("7 commits (v5.10 … v5.4) failed basic kernel testing with KASAN: use-after-free Read in task_active_pid_ns");
  await expect(blocking).toContainText("3 commits (v4.18 … v4.16) failed to boot with kernel panic: Attempted to kill init!");
  await expect(blocking.getByRole("link", { name: "L124" })).toHaveAttribute("href", `/b/${id}/log#L124`);
  await expect(page.locator("#timeline .sig-keys li", { hasText: "task_active_pid_ns" }).first()).toContainText("⊘ basic testing");
  await expect(page.getByTestId("matrix-legend")).toContainText("failed basic kernel testing");
  await expect(page.locator("main header")).toContainText("ran 2022-09-24 09:48 UTC on ci2");
});

test("a log cut inside the culprit's commit block still names the culprit, and says it was cut", async ({ page, request }) => {
  const id = await idOf(request, CUT);
  await page.goto(`/b/${id}`);
  await expect(page.getByTestId("found-commit")).toContainText("38207a5e8123");
  await expect(page.getByTestId("found-commit")).toContainText("bpf, sockmap: Attach map progs to psock early for feature probes");
  await expect(page.locator("#facts")).toContainText("cut short: the log stops before syzbot's summary lines");
});

test("the log pages weigh at most 3x their log plus 150 KB, and a report range comes as text", async ({ request }) => {
  const id = await seedId(request);
  const blocked = await idOf(request, BLOCKED);
  const budget = async (b: string) => 3 * (await (await request.get(`/b/${b}/log.txt`)).body()).length + 150 * 1024;
  // the seed's page beside ten other bisections of its crash (the corpus has them): copies of the
  // seed built by another syzkaller commit, each its own bisection listed under "Other bisections"
  const seed = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8");
  for (let i = 0; i < 11; i++) {
    const copy = seed.replace("building syzkaller on 6a81331a1d4c744da9204d02ec88d558f7eea9c9", `building syzkaller on 6a81331a1d4c744da9204d02ec88d558f7ee${String(i).padStart(4, "0")}`);
    expect(copy).not.toBe(seed);
    const res = await request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: copy });
    expect(res.status()).toBeLessThan(300);
  }
  const page = await (await request.get(`/b/${id}`)).text();
  expect(page).toContain("Other bisections of this crash (10+)");
  for (const path of [`/b/${id}`, `/b/${id}/log`, `/b/${blocked}/log`, `/b/${blocked}`]) {
    const b = path.split("/")[2];
    expect((await (await request.get(path)).body()).length, path).toBeLessThan(await budget(b));
  }
  const range = await request.get(`/b/${id}/log.txt?L=240-242`);
  expect(range.headers()["content-type"]).toBe("text/plain; charset=utf-8");
  expect(await range.text()).toBe("crash: WARNING in kvm_wait\n------------[ cut here ]------------\nraw_local_irq_restore() called with IRQs enabled\n");
  expect((await request.get(`/b/${id}/log.txt?L=x`)).status()).toBe(400);
});

test("the files page lists a commit's files, under a directory too", async ({ page, request }) => {
  const id = await seedId(request);
  await page.goto(`/b/${id}/files`);
  await expect(page.locator("h1")).toContainText("Files changed by 997acaf6b4b5");
  await expect(page.getByRole("link", { name: "kernel/locking/irqflag-debug.c" })).toBeVisible();
  await page.goto(`/b/${id}/files?dir=${encodeURIComponent("kernel/")}`);
  await expect(page.locator("main")).toContainText("under kernel/");
  await expect(page.getByRole("link", { name: "kernel/locking/irqflag-debug.c" })).toBeVisible();
  expect((await request.get("/b/000000000000/files")).status()).toBe(404);
});
