import { defineConfig } from "prisma/config";

// The CLI (generate, validate; migrate for operators with network access) reads this file.
// The app itself connects through @prisma/adapter-pg with the URL from lib/db-url.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@localhost:5433/bisectview" },
});
