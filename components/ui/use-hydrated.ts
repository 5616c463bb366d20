"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true after (when effects have run). For what
 * works only with JavaScript: the workspace's buttons stay disabled until then, so an early click
 * is not lost to a native GET submission; the queue announces its shortcuts only then.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
