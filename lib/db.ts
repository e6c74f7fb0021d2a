import { PrismaPg } from "@prisma/adapter-pg";
import { getConfig } from "./config";
import { PrismaClient } from "./generated/prisma/client";
import { processSingleton } from "./process-singleton";

export type { Prisma } from "./generated/prisma/client";

const client = processSingleton<PrismaClient>("prisma");

function createClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: getConfig().databaseUrl, max: 10 });
  return new PrismaClient({ adapter });
}

/** The one Prisma client of this process. */
export function getDb(): PrismaClient {
  return client.get(createClient);
}

export async function closeDb(): Promise<void> {
  const db = client.peek();
  await db?.$disconnect();
  client.forget(db);
}
