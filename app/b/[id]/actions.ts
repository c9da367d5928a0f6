"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { getPrisma } from "@/lib/db";
import { addMark, MarkError } from "@/lib/ingest/marks";
import { guardWrite } from "@/lib/server/write-guard";
import { parseMarkInput } from "@/lib/validations/mark";
import { bisectionIdSchema } from "@/lib/validations/upload";

export interface MarkState {
  error: string | null;
}

/** The mark form on /b/<id>: who comes from the write token (field, sign-in cookie, or loopback). */
export async function markBisection(_prev: MarkState, form: FormData): Promise<MarkState> {
  const id = String(form.get("id") ?? "");
  if (!bisectionIdSchema.safeParse(id).success) return { error: "not a bisection id" };
  const token = form.get("token");
  const auth = await guardWrite({ headers: await headers() }, { token: typeof token === "string" ? token : null });
  if (!auth.ok) return { error: auth.error };
  const field = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  const parsed = parseMarkInput({ verdict: field("verdict"), culprit: field("culprit"), note: field("note"), lore: field("lore") });
  if (!parsed.ok) return { error: parsed.error };
  try {
    await addMark(getPrisma(), id, auth.who, parsed.mark);
  } catch (e) {
    if (e instanceof MarkError) return { error: e.message };
    throw e;
  }
  // the page the form sits on must be rendered anew, not served from the client's router cache
  revalidatePath(`/b/${id}`);
  redirect(`/b/${id}#marks`);
}
