import { readFileSync } from "node:fs";
import type { APIRequestContext } from "@playwright/test";

export const FIXTURE_PATH = "lib/parser/testdata/cause-kvm_wait-title-drift.txt";
export const FIXTURE = readFileSync(FIXTURE_PATH, "utf8");
export const CULPRIT = "997acaf6b4b59c6a9c259740312a69ea549cc684";

/** The seed log's permalink id (the e2e server seeds every golden log through lib/ingest). */
export async function seedId(request: APIRequestContext): Promise<string> {
  const res = await request.post("/api/bisections", { headers: { "content-type": "text/plain" }, data: FIXTURE });
  return (await res.json()).id as string;
}
