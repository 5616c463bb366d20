// The outbox relay's passes, as the job worker runs them, every message at once (no quiet window).
// A process of its own: the data server runs under the react-server condition, which the
// notification renderer (next-intl) cannot load. Run by the relayOutbox data handler.
import { allowServerOnlyModules } from "../../scripts/lib/server-only-stub";

async function main() {
  allowServerOnlyModules();
  const [{ deliverySettings, providersFromEnv }, { NO_COLLAPSE }, { runOutboxOnce }, { db }] =
    await Promise.all([
      import("../../lib/notifications/delivery"),
      import("../../lib/notifications/outbox-mutations"),
      import("../../lib/notifications/worker"),
      import("../../lib/db"),
    ]);
  const providers = providersFromEnv();
  const settings = { ...deliverySettings(), burst: NO_COLLAPSE };
  const BATCH = 50;
  while ((await runOutboxOnce({ providers, settings, batchSize: BATCH })).claimed === BATCH);
  await db.$disconnect();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
