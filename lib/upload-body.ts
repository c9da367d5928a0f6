// Reads a log out of an upload request: text/plain, multipart (field `log`, as
// `curl -F log=@bisect.txt` sends it) or JSON `{log}`; multipart and JSON may carry a `url`
// (a syzbot link or email) with or instead of the log. Errors say what was expected.
import { IngestError, MAX_LOG_BYTES } from "@/lib/ingest";
import { jsonUploadSchema } from "@/lib/validations/upload";

const MULTIPART_SLACK = 64 * 1024;

export interface UploadBody {
  log: string | null;
  /** a syzbot link, or text holding some (a syzbot email) */
  url: string | null;
}

export async function readLogFromRequest(req: Request): Promise<UploadBody> {
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_LOG_BYTES + MULTIPART_SLACK) {
    throw new IngestError(`request body is ${length} bytes; a log may be at most ${MAX_LOG_BYTES} bytes (10 MiB)`, 413);
  }
  const type = (req.headers.get("content-type") ?? "text/plain").toLowerCase();
  if (type.startsWith("multipart/form-data")) {
    const form = await req.formData().catch(() => null);
    if (!form) throw new IngestError("could not read the multipart body", 400);
    const field = form.get("log");
    const url = form.get("url");
    const link = typeof url === "string" && url.trim() ? url : null;
    if (field === null && !link) throw new IngestError("multipart upload has no field `log` (curl -F log=@bisect.txt ...) or `url` (a syzbot link)", 400);
    return { log: field === null ? null : typeof field === "string" ? field : await field.text(), url: link };
  }
  if (type.startsWith("application/json")) {
    const body = await req.json().catch(() => undefined);
    if (body === undefined) throw new IngestError('JSON upload: the body is not valid JSON; send {"log": "<the log text>"}', 400);
    const parsed = jsonUploadSchema.safeParse(body);
    if (!parsed.success) throw new IngestError(`JSON upload: ${parsed.error.issues[0]?.message ?? "expected {\"log\": \"...\"}"}`, 400);
    return { log: parsed.data.log ?? null, url: parsed.data.url ?? null };
  }
  if (type.startsWith("text/") || type.startsWith("application/octet-stream")) return { log: await req.text(), url: null };
  throw new IngestError(`unsupported Content-Type ${type}: send text/plain, multipart/form-data (field log) or application/json {log}`, 415);
}
