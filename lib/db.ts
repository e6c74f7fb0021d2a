import { PrismaPg } from "@prisma/adapter-pg";
import { getConfig } from "./config";
import { PrismaClient } from "./generated/prisma/client";

export type { Prisma } from "./generated/prisma/client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: getConfig().databaseUrl, max: 10 });
  return new PrismaClient({ adapter });
}

/** The one Prisma client of this process (kept across hot reloads in development). */
export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export async function closeDb(): Promise<void> {
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = undefined;
}
