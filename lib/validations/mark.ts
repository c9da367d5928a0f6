import { z } from "zod";
import { MARK_CHOICES } from "@/lib/domain/words";
import { CONTROL, CONTROL_IN_PROSE } from "./control";

const hash = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[0-9a-f]{7,40}$/, "the real culprit is a commit hash (7 to 40 hex digits)");

/** `"right", "wrong" or "culprit"` */
const CHOICES = MARK_CHOICES.map((c) => `"${c}"`).join(", ").replace(/, ([^,]*)$/, " or $1");

/** A developer's mark: `right`, `wrong`, or `culprit` (wrong, and the real culprit is `culprit`). */
export const markInputSchema = z
  .object({
    verdict: z.enum(MARK_CHOICES, { error: `verdict must be ${CHOICES} (the real culprit is <hash>)` }),
    culprit: z.preprocess((v) => (v === "" ? undefined : v), hash.optional()),
    note: z.preprocess(
      (v) => (typeof v === "string" && !v.trim() ? undefined : v),
      z
        .string()
        .trim()
        .max(4000, "the note is longer than 4,000 characters")
        .refine((s) => !CONTROL_IN_PROSE.test(s), "the note must not contain control characters (NUL, escape...; tabs and line breaks are fine)")
        .optional(),
    ),
    lore: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .string()
        .trim()
        .max(500, "the lore link is longer than 500 characters")
        .refine((s) => !CONTROL.test(s), "the lore link must not contain control characters (NUL, newline, escape...)")
        .refine((s) => s.startsWith("https://lore.kernel.org/"), "the lore link must start with https://lore.kernel.org/")
        .optional(),
    ),
  })
  .superRefine((m, ctx) => {
    if (m.verdict === "culprit" && !m.culprit) ctx.addIssue({ code: "custom", path: ["culprit"], message: 'verdict "culprit" needs the real culprit\'s hash in `culprit`' });
    if (m.verdict === "right" && m.culprit) ctx.addIssue({ code: "custom", path: ["culprit"], message: 'a "right" mark names no other culprit: use verdict "culprit" (or "wrong")' });
  })
  .transform((m) => ({
    verdict: m.verdict === "right" ? ("right" as const) : ("wrong" as const),
    realCulprit: m.culprit ?? null,
    note: m.note ?? null,
    loreLink: m.lore ?? null,
  }));

export type MarkInput = z.output<typeof markInputSchema>;

export function parseMarkInput(raw: unknown): { ok: true; mark: MarkInput } | { ok: false; error: string } {
  const r = markInputSchema.safeParse(raw);
  if (r.success) return { ok: true, mark: r.data };
  const i = r.error.issues[0];
  return { ok: false, error: `${i?.path.length ? `${i.path.join(".")}: ` : ""}${i?.message ?? "invalid mark"}` };
}
