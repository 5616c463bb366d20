// What the app keeps in the browser's storage and what goes when. Pure, with no imports, so the
// sign-out button on every page can use it without pulling the application form's code along.

/** Every key this app writes to the browser's storage starts so (drafts of any version included). */
export const DEVICE_KEY_PREFIX = "expedite:";
/** Draft keys (lib/applications/draft.ts): expedite:apply-draft:v<version>:<account id>:<service>… */
const DRAFT_KEY = /^expedite:apply-draft:v\d+:([^:]+):/;

/**
 * Which stored keys go, from what is in storage now: with `keepUserId`, the drafts of every other
 * account (their answers must not stay behind on a shared computer); without it, everything of ours
 * (sign-out, or a session on a shared computer).
 */
export function deviceKeysToRemove(keys: readonly string[], keepUserId: string | null): string[] {
  return keys.filter((key) => {
    if (!key.startsWith(DEVICE_KEY_PREFIX)) return false;
    if (keepUserId === null) return true;
    const owner = DRAFT_KEY.exec(key)?.[1];
    return owner !== undefined && owner !== keepUserId;
  });
}
