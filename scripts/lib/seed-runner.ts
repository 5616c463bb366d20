import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { seedDemoData } from "../../prisma/seed";

// Any constant distinct from the migrator's lock key; serializes two starts seeding at once.
const SEED_LOCK_KEY = 72707370;

export async function runSeed(databaseUrl: string, idHashKey: string) {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [SEED_LOCK_KEY]);
    await seedDemoData(db, { idHashKey });
  } finally {
    await db.$disconnect();
    await lock.end();
  }
}
