// The JSON columns as lib/ingest writes them, read back through these schemas by lib/data: the
// judge's findings, the parser's warnings and a step's notes (the judge's detail has its own
// file, judge-detail.ts). A row that does not match is an error that says which row, which
// column and what is wrong, never a silently different page.
import { z } from "zod";
import { RULE_IDS, SEVERITIES } from "@/lib/domain/words";

export const findingSchema = z.object({
  rule: z.enum(RULE_IDS),
  severity: z.enum(SEVERITIES),
  message: z.string(),
  lines: z.array(z.number().int()),
  kind: z.string().optional(),
});

export const findingsSchema = z.array(findingSchema);

/** `bisection.warnings`: the parser's warnings. */
export const warningsSchema = z.array(z.object({ line: z.number().int(), message: z.string() }));

/** `step.notes`: `reproducer seems to be flaky`, `unable to determine the verdict: ...` */
export const notesSchema = z.array(z.object({ text: z.string(), line: z.number().int() }));

/** `value` read through `schema`; an error naming `where` and the first mismatch otherwise. */
export function readStored<T>(schema: z.ZodType<T>, value: unknown, where: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const at = issue?.path.length ? `[${issue.path.join("][")}]` : "";
  throw new Error(`${where}${at}: ${issue?.message ?? "does not match its schema"} (lib/validations/stored.ts)`);
}
