/**
 * A value shared by every request of this process for `ttlMs`: the first caller loads it, callers
 * arriving while it loads wait for that same load (so a burst costs one query, not one each), and
 * later callers get the stored value until it expires. A failed load is not kept.
 * Per process on purpose: only for figures where being a few seconds behind is harmless.
 */
export function sharedValue<T>(ttlMs: number, load: () => Promise<T>, clock: () => number = Date.now) {
  let current: { value: Promise<T>; expiresAt: number } | null = null;
  return {
    get(): Promise<T> {
      if (current && clock() < current.expiresAt) return current.value;
      const value = load();
      const entry = { value, expiresAt: clock() + ttlMs };
      current = entry;
      value.catch(() => {
        if (current === entry) current = null;
      });
      return value;
    },
    /** After a change made here, so this process shows it at once. */
    forget() {
      current = null;
    },
  };
}
