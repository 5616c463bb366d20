import type { OutgoingSms, SmsProvider, SmsReceipt } from "./providers";
import { DeliveryError, describeFailure } from "./retry-policy";

/**
 * The configured SMS providers in order (decision 033): each is given `timeoutMs` to accept the
 * message, and the next is tried when it refuses, fails or times out.
 *
 * No double send: a provider that timed out or dropped the connection may have accepted the
 * message, so the worker records it (DeliveryError.uncertainProviders; before the request, too:
 * `beforeAttempt`) and the message never goes through it again (`skipProviders`), unless it
 * honours the idempotency key. When no provider is left that surely has not got it, the message
 * is given up rather than risk a second copy.
 */
export function createFailoverSmsProvider(
  chain: readonly SmsProvider[],
  options: { timeoutMs: number },
): SmsProvider {
  return {
    name: chain.map((provider) => provider.name).join(">"),
    async send(message) {
      const skip = new Set(message.skipProviders ?? []);
      const candidates = chain.filter((provider) => !skip.has(provider.name));
      if (candidates.length === 0)
        throw new DeliveryError(`not sent again: ${[...skip].join(", ")} may already have accepted it`, true);
      const failures: DeliveryError[] = [];
      for (const provider of candidates) {
        try {
          if (!provider.idempotent) await message.beforeAttempt?.(provider.name);
          const receipt = await sendWithin(provider, message, options.timeoutMs);
          return receipt ?? { provider: provider.name, providerMessageId: null };
        } catch (error) {
          failures.push(asDeliveryError(provider, error));
        }
      }
      const uncertain = failures.flatMap((failure) => [...failure.uncertainProviders]);
      const left = candidates.filter((provider) => !uncertain.includes(provider.name));
      throw new DeliveryError(
        failures.map((failure) => failure.message).join("; "),
        left.length === 0 || failures.every((failure) => failure.permanent),
        uncertain,
      );
    },
    close() {
      for (const provider of chain) provider.close?.();
    },
  };
}

async function sendWithin(
  provider: SmsProvider,
  message: OutgoingSms,
  timeoutMs: number,
): Promise<SmsReceipt | void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // The race also covers a provider that ignores the signal.
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(
        new DeliveryError(
          `${provider.name}: no answer within ${timeoutMs} ms; it may have been accepted`,
          false,
          [provider.name],
        ),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([provider.send(message, controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** Anything a provider throws, as a DeliveryError; an idempotent provider is never "uncertain". */
function asDeliveryError(provider: SmsProvider, error: unknown): DeliveryError {
  const failure =
    error instanceof DeliveryError
      ? error
      : new DeliveryError(`${provider.name}: ${describeFailure(error)}`, false);
  if (!provider.idempotent || failure.uncertainProviders.length === 0) return failure;
  return new DeliveryError(failure.message, failure.permanent);
}
