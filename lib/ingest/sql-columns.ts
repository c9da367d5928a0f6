// Columns of rows.ts as SQL for the writers that send one row by statement (store.ts's INSERT,
// rejudge.ts's UPDATE), so a column list is written once for them and for the bulk COPY.
import { Prisma } from "@/lib/generated/prisma/client";
import type { Column, Row } from "./rows";

/** `a, b, c`: the names are rows.ts's constants, never user text. */
export function columnNames(columns: readonly Column[]): Prisma.Sql {
  return Prisma.raw(columns.map(([name]) => name).join(", "));
}

/** Each value as a parameter cast to its column's type. */
export function typedValues(columns: readonly Column[], values: Row): Prisma.Sql {
  if (values.length !== columns.length) throw new Error(`${values.length} values for ${columns.length} columns`);
  return Prisma.join(
    columns.map(([, type], i) =>
      type === "timestamptz-utc" ? Prisma.sql`(${values[i]}::timestamptz AT TIME ZONE 'UTC')` : Prisma.sql`${values[i]}::${Prisma.raw(type)}`,
    ),
  );
}
