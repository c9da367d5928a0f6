// The one way Bisectview reads syzbot: GET from the configured origin only, redirects followed
// only within it, a time limit for the whole exchange and a size limit enforced while the body
// streams in. Every failure is a SyzbotError that says what went wrong with which URL.
import { MAX_LOG_BYTES } from "@/lib/ingest/normalize";
import { PUBLIC_ORIGIN } from "./links";

export type SyzbotStatus = 400 | 403 | 404 | 409 | 413 | 502 | 504;

export class SyzbotError extends Error {
  constructor(
    message: string,
    readonly status: SyzbotStatus,
  ) {
    super(message);
    this.name = "SyzbotError";
  }
}

export interface FetchConfig {
  /** where every request goes (BISECTVIEW_SYZBOT_ORIGIN) */
  origin: string;
  /** may the server fetch at all (BISECTVIEW_FETCH=1) */
  enabled: boolean;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** called before every request (the CLI's pacing: a delay, a count, a cap) */
  beforeRequest?: () => Promise<void>;
}

type Env = Record<string, string | undefined>;

export function fetchConfigFromEnv(env: Env = process.env): FetchConfig {
  const raw = (env.BISECTVIEW_SYZBOT_ORIGIN ?? "").trim() || PUBLIC_ORIGIN;
  let origin: string;
  try {
    origin = new URL(raw).origin;
  } catch {
    throw new SyzbotError(`BISECTVIEW_SYZBOT_ORIGIN is not a URL: ${JSON.stringify(raw)}`, 400);
  }
  const timeout = Number(env.BISECTVIEW_FETCH_TIMEOUT_MS ?? "");
  return {
    origin,
    enabled: ["1", "true", "yes"].includes((env.BISECTVIEW_FETCH ?? "").toLowerCase()),
    timeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 30_000,
    maxBytes: MAX_LOG_BYTES,
    maxRedirects: 3,
  };
}

async function readCapped(res: Response, url: string, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new SyzbotError(`${url} is ${declared} bytes; the limit is ${maxBytes} bytes (10 MiB)`, 413);
  }
  if (!res.body) return "";
  const reader = res.body.getReader();
  const decoder = new TextDecoder("utf-8");
  let bytes = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new SyzbotError(`${url} is more than ${maxBytes} bytes (10 MiB), the limit; stopped reading`, 413);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** GET `pathAndQuery` from the origin. `what` names the thing for error messages ("bisection log"). */
export async function fetchFromSyzbot(cfg: FetchConfig, pathAndQuery: string, what: string): Promise<string> {
  let url = new URL(pathAndQuery, cfg.origin).toString();
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), cfg.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      let res: Response;
      await cfg.beforeRequest?.();
      try {
        res = await fetch(url, { redirect: "manual", signal: ctl.signal, headers: { accept: "text/plain, application/json, text/html" } });
      } catch (e) {
        if (ctl.signal.aborted) throw new SyzbotError(`syzbot did not answer ${url} within ${cfg.timeoutMs / 1000} s`, 504);
        const cause = (e as { cause?: { code?: string; message?: string } }).cause;
        throw new SyzbotError(`could not reach syzbot at ${cfg.origin} for ${url}: ${cause?.code ?? cause?.message ?? (e as Error).message}`, 502);
      }
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        const loc = res.headers.get("location");
        if (!loc) throw new SyzbotError(`syzbot answered ${res.status} for ${url} without a Location`, 502);
        const next = new URL(loc, url);
        if (next.origin !== cfg.origin) {
          throw new SyzbotError(`syzbot redirected ${url} to ${next.toString()}, another host: not followed (only ${cfg.origin} is read)`, 502);
        }
        if (hop >= cfg.maxRedirects) throw new SyzbotError(`more than ${cfg.maxRedirects} redirects from ${pathAndQuery}`, 502);
        url = next.toString();
        continue;
      }
      if (res.status === 404) {
        await res.body?.cancel().catch(() => undefined);
        throw new SyzbotError(`syzbot has no ${what} at ${url} (404)`, 404);
      }
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new SyzbotError(`syzbot answered ${res.status} ${res.statusText} for ${url}`, 502);
      }
      try {
        return await readCapped(res, url, cfg.maxBytes);
      } catch (e) {
        if (e instanceof SyzbotError) throw e;
        if (ctl.signal.aborted) throw new SyzbotError(`syzbot did not send all of ${url} within ${cfg.timeoutMs / 1000} s`, 504);
        throw new SyzbotError(`reading ${url} failed: ${(e as Error).message}`, 502);
      }
    }
  } finally {
    clearTimeout(timer);
  }
}
