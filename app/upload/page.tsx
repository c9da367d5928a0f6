import type { Metadata } from "next";
import { cookies, headers } from "next/headers";
import Link from "next/link";
import { UploadForm } from "@/components/upload-form";
import { MAX_LOG_BYTES } from "@/lib/ingest/normalize";
import { TOKEN_COOKIE, tokenOwner, writeTokens } from "@/lib/server/auth";

export const metadata: Metadata = { title: "Upload a bisection log" };

export default async function UploadPage() {
  const h = await headers();
  const origin = `${h.get("x-forwarded-proto") ?? "http"}://${h.get("host") ?? "localhost:3000"}`;
  const tokens = writeTokens();
  const signedIn = tokens.length > 0 ? tokenOwner((await cookies()).get(TOKEN_COOKIE)?.value ?? "", tokens) : null;
  return (
    <div className="max-w-4xl">
      <h1 className="mb-1 text-lg font-semibold">Upload a bisection log</h1>
      <p className="mb-3 text-muted">
        A syzbot <code className="font-mono">bisect.txt</code> (the &ldquo;bisection log&rdquo; link of a syzbot report). The same log always
        gets the same permalink. Up to {MAX_LOG_BYTES / 1024 / 1024} MiB. From a shell:{" "}
        <code className="font-mono">curl {tokens.length > 0 ? "-H 'Authorization: Bearer <token>' " : ""}-F log=@bisect.txt {origin}/api/bisections</code>
      </p>
      <p className="mb-3 text-muted" data-testid="write-rule">
        {tokens.length === 0 ? (
          <>This server takes uploads from its own machine only (no upload token is set).</>
        ) : signedIn ? (
          <>
            Uploading as <strong>{signedIn}</strong> (<Link href="/signin">sign out</Link>).
          </>
        ) : (
          <>
            Uploads need a token from this server&rsquo;s operator: enter it below, or <Link href="/signin">sign in</Link> once.
          </>
        )}
      </p>
      <UploadForm tokenField={tokens.length > 0 && !signedIn} maxBytes={MAX_LOG_BYTES} />
    </div>
  );
}
