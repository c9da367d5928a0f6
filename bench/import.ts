// Import of the whole corpus into a fresh embedded PostgreSQL through lib/ingest, then a
// second import of the same logs that must add nothing.
import { createPrismaClient } from "@/lib/db";
import { IngestError, ingestLog } from "@/lib/ingest";
import type { PrismaClient } from "@/lib/generated/prisma/client";

async function importAll(prisma: PrismaClient, texts: string[], concurrency: number) {
  let next = 0;
  let added = 0;
  let duplicates = 0;
  let rejected = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < texts.length) {
        try {
          const res = await ingestLog(prisma, texts[next++], { bulk: true });
          if (res.duplicate) duplicates++;
          else added++;
        } catch (e) {
          if (!(e instanceof IngestError)) throw e;
          rejected++; // the golden not-a-log samples
        }
      }
    }),
  );
  return { added, duplicates, rejected, secs: (performance.now() - t0) / 1000 };
}

export async function benchImport(url: string, texts: string[], concurrency = 4): Promise<string> {
  const prisma = createPrismaClient(url);
  const first = await importAll(prisma, texts, concurrency);
  const second = await importAll(prisma, texts, concurrency);
  const stored = await prisma.bisection.count();
  await prisma.$disconnect();
  return [
    `import of ${texts.length} logs (concurrency ${concurrency}, fresh embedded PostgreSQL):`,
    `  first:  ${first.added} added, ${first.duplicates} duplicates, ${first.rejected} rejected in ${first.secs.toFixed(1)} s = ${(texts.length / first.secs).toFixed(0)} logs/s`,
    `  second: ${second.added} added, ${second.duplicates} duplicates, ${second.rejected} rejected in ${second.secs.toFixed(1)} s = ${(texts.length / second.secs).toFixed(0)} logs/s`,
    `  stored bisections: ${stored}`,
  ].join("\n");
}

/** Import without measuring (a kept benchmark database skips what it already has). */
export async function importQuietly(url: string, texts: string[]): Promise<void> {
  const prisma = createPrismaClient(url);
  await importAll(prisma, texts, 4);
  await prisma.$disconnect();
}
