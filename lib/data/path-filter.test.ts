// The path filter over a culprit's files, where git's diffstat shortened some paths.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import { ingestLog } from "@/lib/ingest";
import { parseListParams } from "@/lib/validations/list";
import { listBisections } from "./list";
import { pathPrefixes } from "./list-query";

describe("pathPrefixes", () => {
  it("adds the `.../tail` spellings that can only come from inside the prefix", () => {
    expect(pathPrefixes("Documentation/devicetree/bindings/regulator/")).toEqual([
      "Documentation/devicetree/bindings/regulator/",
      ".../devicetree/bindings/regulator/",
      ".../bindings/regulator/",
    ]);
    // one directory is too common a tail to claim a shortened path
    expect(pathPrefixes("kernel/locking/")).toEqual(["kernel/locking/"]);
    expect(pathPrefixes("net/")).toEqual(["net/"]);
  });
});

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  // the fixture's culprit with one more file, as git's diffstat shortens a long path
  const log = readFileSync("lib/parser/testdata/cause-kvm_wait-title-drift.txt", "utf8").replace(
    " lib/Kconfig.debug              |  8 ++++++++\n",
    " lib/Kconfig.debug              |  8 ++++++++\n .../bindings/regulator/vendor,regulator.yaml | 4 ++++\n",
  );
  await ingestLog(db.prisma, log);
});
afterAll(async () => {
  await db.drop();
});

describe("?path= over shortened diffstat paths", () => {
  it("finds the culprit whose `.../bindings/regulator/` file lies under the prefix", async () => {
    const page = await listBisections(db.prisma, parseListParams({ path: "Documentation/devicetree/bindings/regulator/" }));
    expect(page.rows).toHaveLength(1);
    expect(page.total).toBe(1);
    expect((await listBisections(db.prisma, parseListParams({ path: "Documentation/devicetree/bindings/phy/" }))).rows).toHaveLength(0);
  });
});
