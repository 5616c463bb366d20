import type { PrismaClient } from "../generated/prisma/client";

/**
 * Where lib/db.ts keeps the process's one Prisma client. On globalThis because the same process
 * loads lib/db.ts twice: once inside Next's server bundle, once as plain Node (the worker in
 * `npm start`), and both must share one pool. Plain-Node code (the server's shutdown) reaches it
 * here without importing lib/db.ts, which is server-only.
 */
export const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

/** Closes the client's pool if one was ever opened; a no-op otherwise. */
export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.prisma?.$disconnect();
}
