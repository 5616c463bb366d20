"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useVersionPoll } from "@/components/ui/use-version-poll";

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

  useVersionPoll(`/api/cases/${encodeURIComponent(number)}/version`, (latest) => {
    if (latest === shownVersion.current || latest === requested.current) return;
    requested.current = latest;
    router.refresh();
  });

  return (
    <p role="status" aria-live="polite" className="sr-only">
      {announcement}
    </p>
  );
}
