import "server-only";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { passwordSchema } from "./schema";

export const PASSWORD_GUESSABLE = "validation.passwordGuessable";

/** zxcvbn's "safely unguessable" band: about 10^8 guesses or more (decision 016). */
const MIN_SCORE = 3;

// Words about this service that people build passwords from, besides the owner's own name and email.
const SITE_WORDS = ["expedite", "jiajitong", "加急通", "加急"];

// zxcvbn's matching grows steeply with length (a random 128-character string takes seconds here):
// it judges the first 32 characters only, and a password is never judged stronger than its start.
const ANALYSED_LENGTH = 32;
const L33T_MAX_SUBSTITUTIONS = 20;

let estimator: Promise<ZxcvbnFactory> | undefined;

/** The dictionaries (~2 MB) are loaded on the first check and kept: never at start, never twice. */
function loadEstimator(): Promise<ZxcvbnFactory> {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
      maxLength: ANALYSED_LENGTH,
      l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
    });
  })().catch((error: unknown) => {
    estimator = undefined; // a failed load is tried again by the next check, not remembered
    throw error;
  });
  return estimator;
}

export type PasswordOwner = { email: string; displayName: string };

/** The owner's name and email as the pieces people reuse in passwords: "li.lei@x.cn" → li, lei, lilei, x. */
function ownerWords({ email, displayName }: PasswordOwner): string[] {
  const [local = "", domain = ""] = email.toLowerCase().split("@");
  const nameParts = displayName.toLowerCase().split(/\s+/).filter(Boolean);
  const localParts = local.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return [email, local, ...localParts, localParts.join(""), domain.split(".")[0] ?? "", ...nameParts]
    .concat(nameParts.join(""), SITE_WORDS)
    .filter((word) => word.length > 0);
}

/**
 * The one check for every new password (registration, staff accounts, resets): an i18n key saying
 * what is wrong, or null. Length is checked again here so no caller can skip it.
 */
export async function newPasswordProblem(password: string, owner: PasswordOwner): Promise<string | null> {
  const length = passwordSchema.safeParse(password);
  if (!length.success) return length.error.issues[0]!.message;
  const { score } = (await loadEstimator()).check(password, ownerWords(owner));
  return score < MIN_SCORE ? PASSWORD_GUESSABLE : null;
}
