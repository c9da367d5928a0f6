import type { Metadata } from "next";
import { cookies } from "next/headers";
import { TOKEN_COOKIE, tokenOwner, writeTokens } from "@/lib/server/auth";
import { signIn, signOut } from "./actions";

export const metadata: Metadata = { title: "Sign in to upload" };
export const dynamic = "force-dynamic";

const ERRORS: Record<string, string> = {
  token: "That token is not one this server accepts. Check it with the server's operator.",
  rate: "Too many attempts from this address; wait a minute and try again.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const sp = await searchParams;
  const error = ERRORS[String(sp.error ?? "")];
  const tokens = writeTokens();
  const current = (await cookies()).get(TOKEN_COOKIE)?.value;
  const who = current ? tokenOwner(current, tokens) : null;
  return (
    <div className="max-w-xl space-y-3">
      <h1 className="text-lg font-semibold">Sign in to upload</h1>
      {tokens.length === 0 ? (
        <p>This server has no upload tokens: it takes uploads from its own machine only, without signing in.</p>
      ) : who ? (
        <form action={signOut} className="flex items-center gap-3">
          <p>
            Signed in as <strong>{who}</strong>.
          </p>
          <button type="submit" className="rounded border border-line px-3 py-1">
            Sign out
          </button>
        </form>
      ) : (
        <form action={signIn} className="space-y-2">
          <p className="text-muted">Uploads on this server need a token from its operator. It is kept in a cookie for this site only.</p>
          <label htmlFor="token" className="block font-medium">
            Upload token
          </label>
          <input id="token" name="token" type="password" required autoComplete="current-password" className="w-full rounded border border-line bg-soft p-1 font-mono" />
          <button type="submit" className="rounded border border-accent bg-accent px-3 py-1 font-medium text-bg">
            Sign in
          </button>
        </form>
      )}
      {error && (
        <p role="alert" data-testid="signin-error" className="rounded border border-line bg-bad-bg p-2 text-bad-fg">
          {error}
        </p>
      )}
    </div>
  );
}
