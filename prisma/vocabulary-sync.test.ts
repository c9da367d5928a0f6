// The database accepts exactly the domain's words where a column holds one: apply the
// migrations to a fresh PostgreSQL, read each CHECK constraint back and compare its words with
// the list in lib/domain/words.ts. A word added there fails here until a migration widens the
// constraint (the failure prints the SQL to write).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";
import {
  BISECTION_TYPES,
  FRAME_SECTIONS,
  GIT_VERDICTS,
  MARK_VERDICTS,
  OUTCOMES,
  RUN_OUTCOMES,
  STEP_ROLES,
  VERDICTS,
} from "@/lib/domain/words";

/** Which column holds which list (schema.prisma says so beside each column). */
const WORD_COLUMNS: { table: string; column: string; words: readonly string[] }[] = [
  { table: "bisection", column: "type", words: BISECTION_TYPES },
  { table: "bisection", column: "outcome", words: OUTCOMES },
  { table: "bisection", column: "verdict", words: VERDICTS },
  { table: "step", column: "role", words: STEP_ROLES },
  { table: "step", column: "verdict", words: GIT_VERDICTS },
  { table: "step", column: "all_runs_outcome", words: RUN_OUTCOMES },
  { table: "run", column: "outcome", words: RUN_OUTCOMES },
  { table: "frame", column: "section", words: FRAME_SECTIONS },
  { table: "developer_mark", column: "verdict", words: MARK_VERDICTS },
];

/** CHECK constraints that are not a list of words: a raw log row holds its text or its deflated
 *  bytes, one of the two (migration 20261202040000). */
const NOT_WORDS = new Set(["raw_log_one_form"]);

let db: TestDatabase;
let checks: Map<string, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const rows = await c.query<{ tbl: string; col: string; def: string; name: string }>(`
    SELECT t.relname AS tbl, a.attname AS col, pg_get_constraintdef(k.oid) AS def, k.conname AS name
    FROM pg_constraint k
    JOIN pg_class t ON t.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (k.conkey)
    WHERE k.contype = 'c'`);
  await c.end();
  checks = new Map(rows.rows.filter((r) => !NOT_WORDS.has(r.name)).map((r) => [`${r.tbl}.${r.col}`, r.def]));
});
afterAll(async () => {
  await db.drop();
});

/** The quoted words of `CHECK ((type = ANY (ARRAY['cause'::text, 'fix'::text])))`. */
function wordsOf(def: string): string[] {
  return [...def.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1].replace(/''/g, "'"));
}

describe("CHECK constraints and lib/domain/words.ts", () => {
  it.each(WORD_COLUMNS)("$table.$column accepts exactly its list", ({ table, column, words }) => {
    const def = checks.get(`${table}.${column}`);
    const sql = `ALTER TABLE "${table}" DROP CONSTRAINT "${table}_${column}_check", ADD CONSTRAINT "${table}_${column}_check" CHECK ("${column}" IN (${words.map((w) => `'${w}'`).join(", ")}));`;
    expect(def, `no CHECK constraint on ${table}.${column}: add a migration with\n${sql}`).toBeDefined();
    expect([...wordsOf(def ?? "")].sort(), `${table}.${column} differs from its list: add a migration with\n${sql}`).toEqual([...words].sort());
  });

  it("has no CHECK constraint on a column it does not know of", () => {
    const known = new Set(WORD_COLUMNS.map((c) => `${c.table}.${c.column}`));
    expect([...checks.keys()].filter((k) => !known.has(k))).toEqual([]);
  });

  it("refuses a word outside the list", async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      await c.query(`INSERT INTO "commit" (hash) VALUES ('aaaaaaaaaaaa')`);
      await expect(
        c.query(`INSERT INTO "bisection" (id, content_hash, type, outcome, start_commit_hash, candidates, recipients_to, recipients_cc,
          truncated, head_truncated, line_count, step_count, warnings, verdict, findings, search_text)
          VALUES ('b1', 'h1', 'cause', 'bisected', 'aaaaaaaaaaaa', '{}', '{}', '{}', false, false, 1, 0, '[]', 'clean', '[]', '')`),
      ).rejects.toThrow(/bisection_outcome_check/);
    } finally {
      await c.end();
    }
  });
});
