// The upload form posts to a page (a server action), whose body Next reads itself: it stops at
// serverActions.bodySizeLimit while streaming (chunked too) but then answers a bare 500. A
// browser always sends Content-Length with a form (and the form's script posts FormData, whose
// length is known too), so scripts/serve.ts refuses here, before any byte is read: a post to a
// page declared over the limit (413), or sent chunked without a length (411), each with why.

/** next.config.js's serverActions.bodySizeLimit ("12mb"): the log cap plus the form's envelope. */
export const FORM_BODY_LIMIT = 12 * 1024 * 1024;
const LOG_LIMIT = 10 * 1024 * 1024;

interface NodeReq {
  method?: string;
  url?: string;
  headers: Record<string, string | string[] | undefined>;
}
interface NodeRes {
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(body: string): unknown;
}

function refuse(res: NodeRes, status: number, title: string, sentence: string): true {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", Connection: "close" });
  res.end(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} · Bisectview</title></head><body><h1>${title}</h1><p>${sentence}</p><p><a href="/upload">Back to the upload form</a></p></body></html>\n`);
  return true;
}

/** True when it answered (411/413) and the request must not go on to Next. */
export function refuseOversizedFormPost(req: NodeReq, res: NodeRes): boolean {
  if (req.method !== "POST" || (req.url ?? "").startsWith("/api/")) return false;
  const length = req.headers["content-length"];
  if (length === undefined) {
    if (req.headers["transfer-encoding"] === undefined) return false;
    return refuse(res, 411, "Length required", `A form post must say its Content-Length; send a log of at most ${LOG_LIMIT} bytes (10 MiB) from the upload form, or use the API (POST /api/bisections), which takes chunked bodies. Nothing was stored.`);
  }
  const declared = Number(length);
  if (!(declared > FORM_BODY_LIMIT)) return false;
  return refuse(res, 413, "Upload too large", `The upload is ${declared} bytes; a log may be at most ${LOG_LIMIT} bytes (10 MiB). Nothing was stored.`);
}
