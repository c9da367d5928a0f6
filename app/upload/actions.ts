"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db";
import { IngestError, ingestLog } from "@/lib/ingest";
import { databaseUnavailableReason } from "@/lib/db-errors";
import { guardWrite } from "@/lib/server/write-guard";

export interface UploadState {
  error: string | null;
  line: number | null;
}

/** The upload form's action: a pasted or chosen log goes through the one ingest path, once the
 *  write is allowed (token field, sign-in cookie or loopback; same-origin; under the rate).
 *  Next reads the form body with its own streaming cap (serverActions.bodySizeLimit). */
export async function uploadLog(_prev: UploadState, form: FormData): Promise<UploadState> {
  const token = form.get("token");
  const guard = await guardWrite({ headers: await headers() }, { token: typeof token === "string" ? token : null });
  if (!guard.ok) return { error: guard.error, line: null };
  const file = form.get("file");
  const pasted = form.get("log");
  let text = "";
  if (file && typeof file !== "string" && file.size > 0) text = await file.text();
  else if (typeof pasted === "string") text = pasted;
  if (!text.trim()) return { error: "Paste a bisection log or choose a file first.", line: null };
  let id: string;
  try {
    id = (await ingestLog(getPrisma(), text)).id;
  } catch (e) {
    if (e instanceof IngestError) return { error: e.message, line: e.line };
    const down = databaseUnavailableReason(e);
    if (down !== null) return { error: `The database is unavailable right now (${down}); nothing was stored. Try again in a moment.`, line: null };
    throw e;
  }
  redirect(`/b/${id}`);
}
