// Reads a log out of an upload request: text/plain, multipart (field `log`, as
// `curl -F log=@bisect.txt` sends it) or JSON `{log}`; multipart and JSON may carry a `url`
// (a syzbot link or email) with or instead of the log. Errors say what was expected.
import { IngestError, MAX_LOG_BYTES } from "@/lib/ingest";
import { decodeLog } from "@/lib/ingest/decode";
import { jsonUploadSchema } from "@/lib/validations/upload";

const MULTIPART_SLACK = 64 * 1024;

export interface UploadBody {
  log: string | null;
  /** a syzbot link, or text holding some (a syzbot email) */
  url: string | null;
}

/** The most a request body may hold: a log at the cap plus room for a multipart envelope. */
export const MAX_BODY_BYTES = MAX_LOG_BYTES + MULTIPART_SLACK;

const tooLarge = (what: string) =>
  new IngestError(`request body is ${what}; a log may be at most ${MAX_LOG_BYTES} bytes (10 MiB), the whole body at most ${MAX_BODY_BYTES} bytes`, 413);

/** The body's bytes, counted while they arrive: past `max` the stream is cancelled and
 *  `refuse` thrown (a 413 saying what was sent), so a chunked body without Content-Length is
 *  never read whole. */
export async function readBodyLimited(req: Request, max = MAX_BODY_BYTES, refuse: (what: string) => Error = tooLarge): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > max) throw refuse(`${declared} bytes`);
  if (!req.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw refuse(`over ${max} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** A multipart field's text, whether sent as a value or as a file part (read as a log file is:
 *  UTF-8, or UTF-16/32 by its byte-order mark). */
async function partText(v: FormDataEntryValue | null): Promise<string | null> {
  return v === null ? null : typeof v === "string" ? v : decodeLog(new Uint8Array(await v.arrayBuffer()));
}

/** The first name that comes twice, or null. */
function firstRepeated(names: Iterable<string>): string | null {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) return n;
    seen.add(n);
  }
  return null;
}

export async function readLogFromRequest(req: Request): Promise<UploadBody> {
  const type = (req.headers.get("content-type") ?? "text/plain").toLowerCase();
  const known = ["multipart/form-data", "application/json", "text/", "application/octet-stream"].some((t) => type.startsWith(t));
  if (!known) throw new IngestError(`unsupported Content-Type ${type}: send text/plain, multipart/form-data (field log) or application/json {log}`, 415);
  const bytes = await readBodyLimited(req);
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? type } }).formData().catch(() => null);
    if (!form) throw new IngestError("could not read the multipart body", 400);
    const twice = firstRepeated(form.keys());
    if (twice !== null) throw new IngestError(`multipart upload: field \`${twice}\` given twice; send one \`log\` and at most one \`url\``, 400);
    // either field may be text (-F url=https://...) or a file part (-F url=@syzbot-email.txt);
    // a file part is inside the body, so readBodyLimited has already bounded it
    const log = await partText(form.get("log"));
    const url = await partText(form.get("url"));
    const link = url !== null && url.trim() ? url : null;
    if (log === null && !link) throw new IngestError("multipart upload has no field `log` (curl -F log=@bisect.txt ...) or `url` (a syzbot link or email: -F url=https://... or -F url=@syzbot-email.txt)", 400);
    return { log, url: link };
  }
  if (type.startsWith("application/json")) {
    const text = new TextDecoder().decode(bytes);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new IngestError('JSON upload: the body is not valid JSON; send {"log": "<the log text>"}', 400);
    }
    const parsed = jsonUploadSchema.safeParse(body);
    if (!parsed.success) throw new IngestError(`JSON upload: ${parsed.error.issues[0]?.message ?? "expected {\"log\": \"...\"}"}`, 400);
    return { log: parsed.data.log ?? null, url: parsed.data.url ?? null };
  }
  return { log: decodeLog(bytes), url: null };
}
