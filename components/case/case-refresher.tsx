"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

const INTERVAL_MS = 10_000;

type Props = {
  number: string;
  version: number;
  /** Where focus goes when a refresh removed the element that had it (e.g. a form that is done). */
  focusTargetId: string;
};

/**
 * Keeps the case page current without a reload: polls the cheap version endpoint while the tab is
 * visible and re-renders the server components (router.refresh) when the version moved. Each new
 * version, whoever caused it, is announced politely to screen readers.
 */
export function CaseRefresher({ number, version, focusTargetId }: Props) {
  const t = useTranslations("case.refresh");
  const router = useRouter();
  const [announcement, setAnnouncement] = useState("");
  const shownVersion = useRef(version);
  // The version last asked for, so a slow refresh is not requested again on every tick.
  const requested = useRef(version);

  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    requested.current = version;
    setAnnouncement(t("updated"));
    const active = document.activeElement;
    if (!active || active === document.body) document.getElementById(focusTargetId)?.focus();
  }, [version, t, focusTargetId]);

  useEffect(() => {
    let stopped = false;

    async function check() {
      if (document.hidden) return;
      try {
        const response = await fetch(`/api/cases/${encodeURIComponent(number)}/version`, { cache: "no-store" });
        // Signed out or no longer theirs: polling cannot help; the next navigation shows why.
        if (response.status === 401 || response.status === 404) return stop();
        if (!response.ok) return;
        const body: unknown = await response.json();
        const latest = typeof body === "object" && body !== null && "version" in body ? Number(body.version) : NaN;
        if (stopped || !Number.isInteger(latest) || latest === shownVersion.current || latest === requested.current) return;
        requested.current = latest;
        router.refresh();
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
  }, [number, router]);

  return (
    <p role="status" aria-live="polite" className="sr-only">
      {announcement}
    </p>
  );
}
