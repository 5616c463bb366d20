"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and during hydration, true after. The workspace's forms submit
 * through JavaScript only; their buttons stay disabled until it runs, so an early click is not
 * lost to a native GET submission.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
