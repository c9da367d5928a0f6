// Reads a log out of an upload request: text/plain, multipart (field `log`, as
// `curl -F log=@bisect.txt` sends it) or JSON `{log}`. Errors say what was expected.
import { IngestError, MAX_LOG_BYTES } from "@/lib/ingest";
import { jsonUploadSchema } from "@/lib/validations/upload";

const MULTIPART_SLACK = 64 * 1024;

/** The most a request body may hold: a log at the cap plus room for a multipart envelope. */
export const MAX_BODY_BYTES = MAX_LOG_BYTES + MULTIPART_SLACK;

const tooLarge = (what: string) =>
  new IngestError(`request body is ${what}; a log may be at most ${MAX_LOG_BYTES} bytes (10 MiB), the whole body at most ${MAX_BODY_BYTES} bytes`, 413);

/** The body's bytes, counted while they arrive: past `max` the stream is cancelled and a 413
 *  thrown, so a chunked body without Content-Length is never read whole. */
export async function readBodyLimited(req: Request, max = MAX_BODY_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > max) throw tooLarge(`${declared} bytes`);
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
      throw tooLarge(`over ${max} bytes`);
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

export async function readLogFromRequest(req: Request): Promise<string> {
  const type = (req.headers.get("content-type") ?? "text/plain").toLowerCase();
  const known = ["multipart/form-data", "application/json", "text/", "application/octet-stream"].some((t) => type.startsWith(t));
  if (!known) throw new IngestError(`unsupported Content-Type ${type}: send text/plain, multipart/form-data (field log) or application/json {log}`, 415);
  const bytes = await readBodyLimited(req);
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(bytes, { headers: { "content-type": req.headers.get("content-type") ?? type } }).formData().catch(() => null);
    if (!form) throw new IngestError("could not read the multipart body", 400);
    const field = form.get("log");
    if (field === null) throw new IngestError("multipart upload has no field `log` (curl -F log=@bisect.txt ...)", 400);
    return typeof field === "string" ? field : await field.text();
  }
  const text = new TextDecoder().decode(bytes);
  if (type.startsWith("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new IngestError('JSON upload: the body is not valid JSON; send {"log": "<the log text>"}', 400);
    }
    const parsed = jsonUploadSchema.safeParse(body);
    if (!parsed.success) throw new IngestError(`JSON upload: ${parsed.error.issues[0]?.message ?? "expected {\"log\": \"...\"}"}`, 400);
    return parsed.data.log;
  }
  return text;
}
