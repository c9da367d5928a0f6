// The list's honest empty states, rendered by the real page against a real, empty database.
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

let db: TestDatabase;
let Home: (props: { searchParams: Promise<Record<string, string>> }) => Promise<React.ReactElement>;

beforeAll(async () => {
  db = await createTestDatabase();
  process.env.DATABASE_URL = db.url;
  Home = (await import("./page")).default;
});
afterAll(async () => {
  await db.drop();
});

describe("/ with no bisections", () => {
  it("says there are none yet and how to add some", async () => {
    const html = renderToStaticMarkup(await Home({ searchParams: Promise.resolve({}) }));
    expect(html).toContain("No bisections yet.");
    expect(html).toContain('href="/upload"');
    expect(html).toContain("npm run -s cli -- import DIR");
  });

  it("says a filter matched nothing and offers to clear it", async () => {
    const html = renderToStaticMarkup(await Home({ searchParams: Promise.resolve({ q: "kvm_wait" }) }));
    expect(html).toContain("No bisection matches these filters.");
    expect(html).toContain("Clear the filters");
  });
});

describe("/ with parameters PostgreSQL cannot take", () => {
  it("says what is wrong with the link instead of failing (NUL, control characters, over-long)", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ q: "\u0000" }, "search: must not contain control characters"],
      [{ path: "kernel/\u0000" }, "path: must not contain control characters"],
      [{ q: "x".repeat(10_000) }, "search: must be at most 200 characters"],
    ];
    for (const [sp, said] of cases) {
      const html = renderToStaticMarkup(await Home({ searchParams: Promise.resolve(sp) }));
      expect(html).toContain('data-testid="bad-params"');
      expect(html).toContain(said);
      expect(html).toContain("Show every bisection");
    }
  });
});

describe("/ with a page too deep to count to", () => {
  it("says to follow the next links instead of reading every row before it", async () => {
    const html = renderToStaticMarkup(await Home({ searchParams: Promise.resolve({ page: "90000", q: "kvm" }) }));
    expect(html).toContain('data-testid="bad-params"');
    expect(html).toContain("page 90,000 (50 rows a page) starts past row 10,000");
    expect(html).toContain('href="/?q=kvm"');
  });
});

describe("/ with a cursor the database cannot compare", () => {
  it("opens the first page, as for any cursor it did not give (year 0, past int4, NUL in the key)", async () => {
    const cursor = (t: unknown) => Buffer.from(JSON.stringify(t)).toString("base64url");
    const cases: Record<string, string>[] = [
      { after: cursor([null, "0000-01-01T00:00:00Z", "abc"]) },
      { sort: "ran", before: cursor(["0000-06-01T00:00:00Z", "2024-01-01T00:00:00Z", "abc"]), page: "2" },
      { sort: "tested", after: cursor([9007199254740991, "2024-01-01T00:00:00Z", "abc"]) },
      { sort: "title", after: cursor(["a\u0000b", "2024-01-01T00:00:00Z", "abc"]) },
    ];
    for (const sp of cases) {
      const html = renderToStaticMarkup(await Home({ searchParams: Promise.resolve(sp) }));
      expect(html, JSON.stringify(sp)).toContain("No bisections yet.");
    }
  });
});
