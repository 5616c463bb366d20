import { deviceKeysToRemove } from "@/lib/applications/device-keys";

/**
 * Removes what the app keeps in this browser (drafts with their answers, contact details and the ID
 * number): everything at sign-out or on a shared computer (`keepUserId` null), otherwise the drafts
 * of every account but `keepUserId`. Storage that is missing or throws holds nothing of ours.
 */
export function clearDeviceData(keepUserId: string | null) {
  for (const kind of ["localStorage", "sessionStorage"] as const) {
    try {
      const store = window[kind];
      const keys = Array.from({ length: store.length }, (_, index) => store.key(index) ?? "");
      for (const key of deviceKeysToRemove(keys, keepUserId)) store.removeItem(key);
    } catch {
      // Disabled or unavailable storage: nothing was kept.
    }
  }
}
