// The one PrismaClient, through the node-postgres driver adapter. Cached on globalThis so
// Next's dev reloads do not open a new pool each time.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { bisectviewPrisma?: PrismaClient };

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 8 }) });
}

function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` (scripts/serve.ts sets it)");
  return url;
}

export function getPrisma(): PrismaClient {
  globalForPrisma.bisectviewPrisma ??= createPrismaClient(databaseUrl());
  return globalForPrisma.bisectviewPrisma;
}
