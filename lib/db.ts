import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { serverEnv, type ServerEnv } from "@/lib/env";
import { globalForPrisma } from "@/lib/db/client-global";
import { withRetry } from "@/lib/db/retry-policy";
import { currentApiKeyId } from "@/lib/audit/api-key-context";

// Set while a transaction callback runs: its statements are never retried one by one, because
// after a deadlock or serialization failure Postgres has aborted the whole transaction.
const insideTransaction = new AsyncLocalStorage<true>();

function createClient(env: ServerEnv): PrismaClient {
  const base = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
      connectionTimeoutMillis: env.DATABASE_POOL_TIMEOUT_MS,
    }),
    transactionOptions: { maxWait: env.DATABASE_TX_MAX_WAIT_MS, timeout: env.DATABASE_TX_TIMEOUT_MS },
  });
  // A failed statement committed nothing, so one that failed in a retryable way (lib/db/retry-policy.ts) runs again.
  const retrying = base.$extends({
    query: {
      $allOperations({ args, query }) {
        if (insideTransaction.getStore()) return query(args);
        return withRetry(() => query(args));
      },
      // An action that came through the partner API records the key it used (decision 037).
      auditLog: {
        create({ args, query }) {
          const apiKeyId = currentApiKeyId();
          return query(apiKeyId ? { ...args, data: { apiKeyId, ...args.data } } : args);
        },
      },
    },
  });
  return retrying as unknown as PrismaClient;
}

/**
 * $transaction with a callback re-runs the whole callback on a retryable failure (a deadlock, a
 * serialization failure, no connection within maxWait). Safe because every callback in lib/ only
 * talks to the database through `tx`: keep it so (files, mail and HTTP calls go before or after).
 */
function retryingTransaction(client: PrismaClient): PrismaClient["$transaction"] {
  const transaction = (input: unknown, options?: unknown) => {
    if (typeof input !== "function") return client.$transaction(input as never, options as never);
    const work = input as (tx: Prisma.TransactionClient) => Promise<unknown>;
    return withRetry(() =>
      client.$transaction((tx) => insideTransaction.run(true, () => work(tx)), options as never),
    );
  };
  return transaction as PrismaClient["$transaction"];
}

// One client per process, created on first use: `next build` imports this module without a
// database, and dev hot reloads would otherwise open a new pool on every edit.
function client(): PrismaClient {
  globalForPrisma.prisma ??= createClient(serverEnv());
  return globalForPrisma.prisma;
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const target = client();
    if (property === "$transaction") return retryingTransaction(target);
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
