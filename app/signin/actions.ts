"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { getPrisma } from "@/lib/db";
import { TOKEN_COOKIE, authorizeWrite, clientAddress, tokenOwner, writeTokens } from "@/lib/server/auth";
import { takeWrite } from "@/lib/server/rate-limit";

/** Checks an upload token once and keeps it in an HttpOnly, SameSite=Strict cookie, so the
 *  upload form needs no token field. Attempts count against the write rate of the address. */
export async function signIn(form: FormData): Promise<void> {
  const h = await headers();
  const token = String(form.get("token") ?? "").trim();
  const tokens = writeTokens();
  const rate = await takeWrite(getPrisma(), `signin:${clientAddress({ headers: h }) ?? "unknown"}`);
  if (!rate.ok) redirect("/signin?error=rate");
  // the cross-site check of a write, then the token itself (not a cookie already held)
  if (tokens.length === 0 || !token || !tokenOwner(token, tokens) || !authorizeWrite({ headers: h }, { token }).ok) redirect("/signin?error=token");
  (await cookies()).set(TOKEN_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    path: "/",
    secure: h.get("x-forwarded-proto") === "https",
    maxAge: 30 * 24 * 3600,
  });
  redirect("/upload");
}

export async function signOut(): Promise<void> {
  (await cookies()).delete(TOKEN_COOKIE);
  redirect("/signin");
}
