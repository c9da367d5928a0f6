import { z } from "zod";

/** JSON upload body: `{"log": "<the bisection log>"}`, `{"url": "<a syzbot link or email>"}`, or both. */
export const jsonUploadSchema = z
  .object({
    log: z.string({ error: "field `log` must be the log text (a string)" }).min(1, "field `log` is empty").optional(),
    url: z.string({ error: "field `url` must be a syzbot link or email (a string)" }).min(1, "field `url` is empty").optional(),
  })
  .refine((b) => b.log !== undefined || b.url !== undefined, 'expected {"log": "<the log text>"} or {"url": "<a syzbot link>"}');

/** `/b/<id>`: the 12-hex permalink id. */
export const bisectionIdSchema = z.string().regex(/^[0-9a-f]{12}$/, "a bisection id is 12 lower-case hex digits");
