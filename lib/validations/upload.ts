import { z } from "zod";

/** JSON upload body: `{"log": "<the bisection log>"}`. */
export const jsonUploadSchema = z.object({
  log: z.string({ error: "field `log` must be the log text (a string)" }).min(1, "field `log` is empty"),
});

/** `/b/<id>`: the 12-hex permalink id. */
export const bisectionIdSchema = z.string().regex(/^[0-9a-f]{12}$/, "a bisection id is 12 lower-case hex digits");
