import { readFileSync } from "node:fs";
import { expect, type APIRequestContext, type Locator } from "@playwright/test";

export const FIXTURE_PATH = "lib/parser/testdata/cause-kvm_wait-title-drift.txt";
export const FIXTURE = readFileSync(FIXTURE_PATH, "utf8");
export const CULPRIT = "997acaf6b4b59c6a9c259740312a69ea549cc684";

/** The seed log's permalink id (the e2e server seeds every golden log through lib/ingest). */
export async function seedId(request: APIRequestContext): Promise<string> {
  const res = await request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: FIXTURE });
  return (await res.json()).id as string;
}

/** A box that scrolls sideways shows the scroll cue of app/globals.css (`.scroll-cue`): shadows
 *  drawn on the box that its content covers where there is nothing more to scroll to
 *  (background-attachment: local over scroll), so it needs no JavaScript. */
export async function expectScrollCue(box: Locator): Promise<void> {
  const bg = await box.evaluate((b) => {
    const s = getComputedStyle(b);
    return { image: s.backgroundImage, attachment: s.backgroundAttachment, overflow: s.overflowX };
  });
  expect(bg.overflow).toBe("auto");
  expect(bg.image.match(/gradient\(/g)?.length ?? 0).toBeGreaterThanOrEqual(4);
  expect(bg.attachment.split(/,\s*/)).toEqual(expect.arrayContaining(["local", "scroll"]));
}
