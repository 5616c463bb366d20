import { AsyncLocalStorage } from "node:async_hooks";

// Which API key the current request came through (partner API, decision 037). The route wrapper sets
// it around a call; lib/db.ts stamps it on every audit row written meanwhile, so the workflow,
// payment and application code records the key without knowing about the API.

const apiKeyOfRequest = new AsyncLocalStorage<string>();

export function runWithApiKey<T>(apiKeyId: string, work: () => Promise<T>): Promise<T> {
  return apiKeyOfRequest.run(apiKeyId, work);
}

export function currentApiKeyId(): string | null {
  return apiKeyOfRequest.getStore() ?? null;
}
