// The query string as the client sent it. Next hands routes and pages a URL rebuilt from its own
// parse of the query, which leaves out a `__proto__` parameter (so `?__proto__=1` reached the
// API as no parameter at all, a 200 of the whole list, where any other unknown name is a 400).
// scripts/serve.ts keeps the target it received in the request's state; these read it.
import { requestState } from "./db-errors";

/** The sent query's parameters, or null where no server recorded the target (unit tests). */
export function sentSearchParams(): URLSearchParams | null {
  const target = requestState()?.target;
  if (target === undefined) return null;
  const q = target.indexOf("?");
  if (q < 0) return new URLSearchParams();
  const hash = target.indexOf("#", q);
  return new URLSearchParams(target.slice(q + 1, hash < 0 ? undefined : hash));
}

/** The parameters of `url` as the client sent them: the recorded target's where there is one
 *  (for the route handler's own request, so the same path), else `url`'s. */
export function searchParamsAsSent(url: URL): URLSearchParams {
  return sentSearchParams() ?? url.searchParams;
}

/** Names the client sent that Next left out of a page's searchParams (`__proto__`), but for its
 *  own `_rsc` of a client-side navigation. */
export function droppedParamNames(given: Record<string, unknown>): string[] {
  const sent = sentSearchParams();
  if (!sent) return [];
  const out: string[] = [];
  for (const key of new Set(sent.keys())) if (key !== "_rsc" && !Object.prototype.hasOwnProperty.call(given, key)) out.push(key);
  return out;
}
