// The existence checks lib/server/missing-pages.ts needs, against the app's database.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Lookup } from "./missing-pages";

export function prismaLookup(prisma: () => PrismaClient): Lookup {
  return {
    async bisectionExists(id) {
      return (await prisma().bisection.findUnique({ where: { id }, select: { id: true } })) !== null;
    },
    async commitExists(prefix) {
      return (await prisma().commit.findFirst({ where: { hash: { startsWith: prefix } }, select: { hash: true } })) !== null;
    },
  };
}
