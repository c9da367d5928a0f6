// schema.prisma and the hand-written SQL migrations must describe the same database: apply
// the migrations to a fresh PostgreSQL and compare tables, columns, types, nullability, primary
// keys, uniques and indexes with the DMMF that Prisma's own schema parser (WASM) makes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/db";

const require = createRequire(import.meta.url);
const wasm = require("@prisma/prisma-schema-wasm") as { get_dmmf(params: string): string };

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  relationFromFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
  uniqueFields: string[][];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: { name: string; sortOrder?: string }[];
  algorithm?: string;
}

const dmmf = JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: readFileSync("prisma/schema.prisma", "utf8") })));
const models: DmmfModel[] = dmmf.datamodel.models;
const indexes: DmmfIndex[] = dmmf.datamodel.indexes;

const PG_TYPE: Record<string, string> = {
  String: "text",
  Int: "integer",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp without time zone",
  Json: "jsonb",
  Bytes: "bytea",
};

let db: TestDatabase;
let client: pg.Client;
beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await db.drop();
});

const table = (m: DmmfModel) => m.dbName ?? m.name;
const column = (m: DmmfModel, field: string) => {
  const f = m.fields.find((x) => x.name === field)!;
  return f.dbName ?? f.name;
};

async function indexColumns(tableName: string) {
  const res = await client.query<{ name: string; unique: boolean; primary: boolean; cols: string[]; method: string }>(
    `SELECT i.relname AS name, ix.indisunique AS unique, ix.indisprimary AS primary, am.amname AS method,
            ARRAY(SELECT a.attname FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS cols
     FROM pg_index ix JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_am am ON am.oid = i.relam WHERE t.relname = $1`,
    [tableName],
  );
  return res.rows;
}

describe("schema.prisma agrees with prisma/migrations", () => {
  it("has exactly the tables of the models (plus _prisma_migrations)", async () => {
    const res = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(res.rows.map((r) => r.table_name).sort()).toEqual([...models.map(table), "_prisma_migrations"].sort());
  });

  for (const m of models) {
    it(`table ${table(m)}: columns, types and nullability`, async () => {
      const res = await client.query<{ column_name: string; data_type: string; is_nullable: string; udt_name: string }>(
        "SELECT column_name, data_type, is_nullable, udt_name FROM information_schema.columns WHERE table_name = $1",
        [table(m)],
      );
      const got = Object.fromEntries(res.rows.map((r) => [r.column_name, r]));
      const scalars = m.fields.filter((f) => f.kind === "scalar");
      expect(Object.keys(got).sort()).toEqual(scalars.map((f) => f.dbName ?? f.name).sort());
      for (const f of scalars) {
        const c = got[f.dbName ?? f.name];
        const want = f.isList ? `_${PG_TYPE[f.type] === "text" ? "text" : PG_TYPE[f.type]}` : PG_TYPE[f.type];
        expect(f.isList ? c.udt_name : c.data_type, `${m.name}.${f.name} type`).toBe(want);
        // Prisma keeps scalar lists nullable in SQL; other fields follow `?`
        expect(c.is_nullable, `${m.name}.${f.name} nullability`).toBe(f.isRequired && !f.isList ? "NO" : "YES");
      }
    });

    it(`table ${table(m)}: primary key, uniques and indexes`, async () => {
      const got = await indexColumns(table(m));
      const pk = m.primaryKey?.fields ?? m.fields.filter((f) => f.isId).map((f) => f.name);
      expect(got.filter((i) => i.primary).map((i) => i.cols)).toEqual([pk.map((f) => column(m, f))]);
      const wantUnique = [
        ...m.fields.filter((f) => f.isUnique).map((f) => [f.dbName ?? f.name]),
        ...m.uniqueFields.map((u) => u.map((f) => column(m, f))),
      ].map((c) => c.join(","));
      expect(got.filter((i) => i.unique && !i.primary).map((i) => i.cols.join(",")).sort()).toEqual(wantUnique.sort());
      const wantNormal = indexes
        .filter((i) => i.model === m.name && i.type === "normal")
        .map((i) => `${i.algorithm === "Gin" ? "gin" : "btree"}:${i.fields.map((f) => column(m, f.name)).join(",")}`);
      expect(got.filter((i) => !i.unique).map((i) => `${i.method}:${i.cols.join(",")}`).sort()).toEqual(wantNormal.sort());
    });
  }

  it("records the migrations the way prisma migrate does", async () => {
    const res = await client.query("SELECT migration_name, checksum, finished_at FROM _prisma_migrations");
    expect(res.rows.length).toBeGreaterThan(0);
    for (const r of res.rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).not.toBeNull();
    }
  });
});
