"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db";
import { IngestError } from "@/lib/ingest";
import { decodeLog } from "@/lib/ingest/decode";
import { ingestUpload, SyzbotError } from "@/lib/ingest/syzbot";
import { fetchConfigFromEnv } from "@/lib/syzbot/fetch";
import { findSyzbotLinks, hasSyzbotRefs } from "@/lib/syzbot/links";
import { databaseUnavailableReason } from "@/lib/db-errors";
import { guardWrite } from "@/lib/server/write-guard";

export interface UploadState {
  error: string | null;
  line: number | null;
  /** the pasted text, given back with an error so the form keeps it (with or without JS) */
  pasted?: string | null;
}

/** The upload form's action: a pasted or chosen log, a syzbot link or email, or a file with the
 *  email pasted beside it, all through the one ingest path, once the write is allowed (token
 *  field, sign-in cookie or loopback; same-origin; under the rate). Next reads the form body
 *  with its own streaming cap (serverActions.bodySizeLimit). */
export async function uploadLog(_prev: UploadState, form: FormData): Promise<UploadState> {
  const text = form.get("log");
  const pasted = typeof text === "string" && text.length > 0 ? text : null;
  const state = await upload(form);
  return { ...state, pasted };
}

async function upload(form: FormData): Promise<UploadState> {
  const token = form.get("token");
  const guard = await guardWrite({ headers: await headers() }, { token: typeof token === "string" ? token : null });
  if (!guard.ok) return { error: guard.error, line: null };
  const file = form.get("file");
  const pasted = form.get("log");
  const link = form.get("url");
  let log = "";
  let url = typeof link === "string" && link.trim() ? link : null;
  const cfg = fetchConfigFromEnv();
  if (file && typeof file !== "string" && file.size > 0) {
    log = decodeLog(new Uint8Array(await file.arrayBuffer()));
    // a file chosen with an email pasted in the text box: the email's links attach to the log
    if (!url && typeof pasted === "string" && hasSyzbotRefs(findSyzbotLinks(pasted, cfg))) url = pasted;
  } else if (typeof pasted === "string") log = pasted;
  if (!log.trim() && !url) return { error: "Paste a bisection log or a syzbot link, or choose a file first.", line: null };
  let id: string;
  try {
    id = (await ingestUpload(getPrisma(), { log: log.trim() ? log : null, url }, cfg)).id;
  } catch (e) {
    if (e instanceof IngestError) return { error: e.message, line: e.line };
    if (e instanceof SyzbotError) return { error: e.message, line: null };
    const down = databaseUnavailableReason(e);
    if (down !== null) return { error: `The database is unavailable right now (${down}); nothing was stored. Try again in a moment.`, line: null };
    throw e;
  }
  redirect(`/b/${id}`);
}
