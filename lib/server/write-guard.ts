// The checks every write passes before its body is read: who (lib/server/auth.ts), then how
// often (lib/server/rate-limit.ts). Used by the upload route and the upload form's action.
import { getPrisma } from "@/lib/db";
import { authorizeWrite, type WriteRequest } from "./auth";
import { rateLimitMessage, takeWrite } from "./rate-limit";

export type WriteGuard =
  | { ok: true; who: string }
  | { ok: false; status: 401 | 403 | 429; error: string; retryAfter?: number };

export async function guardWrite(req: WriteRequest, opts: { token?: string | null } = {}): Promise<WriteGuard> {
  const auth = authorizeWrite(req, opts);
  if (!auth.ok) return auth;
  // every authorized write counts, duplicates and refused logs too: each one's body is read and hashed
  const rate = await takeWrite(getPrisma(), auth.client);
  if (!rate.ok) return { ok: false, status: 429, error: rateLimitMessage(rate), retryAfter: rate.retryAfter };
  return { ok: true, who: auth.who };
}
