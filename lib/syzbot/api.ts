// syzbot's public JSON (`?json=1`), as google/syzkaller's dashboard/api/api.go defines it:
// a bug page is `Bug` {version, title, id, status, cause-commit, crashes[...]}, a bug list
// (`/<ns>?json=1`, `/<ns>/fixed?json=1`) is `BugGroup` {version, Bugs: [{title, link}]}.
// The bug JSON names no bisection log, so its `x=` ids come from the bug's HTML page
// (bisectLogIdsInHtml). Only the fields Bisectview uses are read; the rest may change freely.
import { z } from "zod";

const crashSchema = z.looseObject({
  title: z.string().optional(),
  "syz-reproducer": z.string().optional(),
  "c-reproducer": z.string().optional(),
  "kernel-config": z.string().optional(),
  "crash-report-link": z.string().optional(),
});

export const bugSchema = z.looseObject({
  version: z.number(),
  title: z.string().optional(),
  id: z.string().optional(),
  crashes: z.array(crashSchema).optional(),
});

export type SyzbotBug = z.infer<typeof bugSchema>;

export const bugGroupSchema = z.looseObject({
  version: z.number(),
  Bugs: z.array(z.looseObject({ title: z.string().optional(), link: z.string() })).nullable().optional(),
});

export type SyzbotBugGroup = z.infer<typeof bugGroupSchema>;

/** Parse JSON text against a schema; a clear message on either failure. */
export function parseSyzbotJson<T>(text: string, schema: z.ZodType<T>, what: string): { ok: true; value: T } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: `${what} is not JSON (starts with ${JSON.stringify(text.slice(0, 40))})` };
  }
  const res = schema.safeParse(raw);
  if (!res.success) {
    const i = res.error.issues[0];
    return { ok: false, error: `${what} is not shaped like syzbot's: ${i?.path.join(".") || "(top)"}: ${i?.message}` };
  }
  return { ok: true, value: res.data };
}
