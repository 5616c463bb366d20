"use client";

import { useEffect, useEffectEvent } from "react";

const INTERVAL_MS = 10_000;

/**
 * Polls a cheap JSON `{ version }` endpoint every 10 s while the tab is visible (and at once when it
 * becomes visible again), handing each version it reads to `onVersion`.
 */
export function useVersionPoll(url: string, onVersion: (latest: number) => void) {
  const report = useEffectEvent(onVersion);

  useEffect(() => {
    let stopped = false;

    async function check() {
      if (document.hidden) return;
      try {
        const response = await fetch(url, { cache: "no-store" });
        // Signed out or no longer allowed to see it: polling cannot help; the next navigation shows why.
        if (response.status === 401 || response.status === 404) return stop();
        if (!response.ok) return;
        const body: unknown = await response.json();
        const latest =
          typeof body === "object" && body !== null && "version" in body ? Number(body.version) : NaN;
        if (stopped || !Number.isInteger(latest)) return;
        report(latest);
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }

    function stop() {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    }

    function onVisibility() {
      if (!document.hidden) void check();
    }

    const timer = setInterval(() => void check(), INTERVAL_MS);
    document.addEventListener("visibilitychange", onVisibility);
    return stop;
  }, [url]);
}
