// The one PrismaClient, through the node-postgres driver adapter. Cached on globalThis so
// Next's dev reloads do not open a new pool each time.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { noteQuery } from "@/lib/db-errors";

const globalForPrisma = globalThis as unknown as { bisectviewPrisma?: PrismaClient };

export function createPrismaClient(url: string): PrismaClient {
  if (process.env.BISECTVIEW_QUERY_LOG) return countingClient(url);
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 8 }) });
}

/** With BISECTVIEW_QUERY_LOG set: a client that notes every query the app asks for (model,
 *  operation, arguments) against the request that asked, before Prisma batches identical
 *  `findUnique`s of one tick into one statement (e2e/reads-once.spec.ts reads the notes to prove
 *  a page reads its data once). The extension keeps the client's API, so it stands for one. */
function countingClient(url: string): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 8 }) });
  return client.$extends({
    query: {
      $allOperations({ model, operation, args, query }) {
        noteQuery(`${model ?? "$"}.${operation} ${JSON.stringify(args).slice(0, 2000)}`);
        return query(args);
      },
    },
  }) as PrismaClient;
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
