"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { createContext, use, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { useVersionPoll } from "@/components/ui/use-version-poll";

/** Where focus goes when a refresh removed the control that had it (a form that is done). */
export const ACTIONS_HEADING_ID = "workspace-actions";

type Announcement = { text: string; tone: "success" | "error" };

type WorkspaceContextValue = {
  applicationId: string;
  version: number;
  displayNumber: string;
  /** A version this page produced itself: the poll must not report it as someone else's change. */
  acknowledge: (version: number) => void;
  /**
   * The version the next action must name: the page's, or a newer one an action of this page
   * already produced while its refreshed page is still on the way.
   */
  versionForNextAction: () => number;
  confirm: (version: number) => void;
  announce: (announcement: Announcement | null) => void;
  announcement: Announcement | null;
};

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

export function useWorkspace(): WorkspaceContextValue {
  const value = use(WorkspaceContext);
  if (!value) throw new Error("useWorkspace is used outside <WorkspaceSync>");
  return value;
}

type Props = {
  applicationId: string;
  number: string;
  displayNumber: string;
  version: number;
  children: ReactNode;
};

/**
 * The case's shared client state: which version the page shows, what the last action said, and
 * whether someone else changed the case meanwhile. Unlike the applicant's page it never refreshes
 * by itself: a reviewer may be halfway through a form, so they are told and choose when to reload.
 */
export function WorkspaceSync({ applicationId, number, displayNumber, version, children }: Props) {
  const t = useTranslations("workspace.sync");
  const router = useRouter();
  const [stale, setStale] = useState(false);
  const [announcement, setAnnouncement] = useState<Announcement | null>(null);
  const ownVersions = useRef(new Set<number>());
  const shownVersion = useRef(version);

  const produced = useRef(version);
  const acknowledge = useCallback((next: number) => ownVersions.current.add(next), []);
  const versionRef = useRef(version);
  useEffect(() => {
    versionRef.current = version;
  }, [version]);
  const versionForNextAction = useCallback(() => Math.max(versionRef.current, produced.current), []);
  /** An action of this page was accepted and the case is now at `next`. */
  const confirm = useCallback((next: number) => {
    ownVersions.current.add(next);
    produced.current = Math.max(produced.current, next);
  }, []);

  useEffect(() => {
    if (shownVersion.current === version) return;
    shownVersion.current = version;
    setStale(false);
    // Someone else's change now shown (the action's own result is announced by the action).
    if (!ownVersions.current.has(version)) setAnnouncement({ text: t("updated"), tone: "success" });
    const active = document.activeElement;
    if (!active || active === document.body) document.getElementById(ACTIONS_HEADING_ID)?.focus();
  }, [version, t]);

  useVersionPoll(`/api/console/cases/${encodeURIComponent(number)}/version`, (latest) => {
    setStale(latest !== shownVersion.current && !ownVersions.current.has(latest));
  });

  const value = useMemo(
    () => ({
      applicationId,
      version,
      displayNumber,
      acknowledge,
      confirm,
      versionForNextAction,
      announce: setAnnouncement,
      announcement,
    }),
    [applicationId, version, displayNumber, acknowledge, confirm, versionForNextAction, announcement],
  );

  return (
    <WorkspaceContext value={value}>
      <div role="status" aria-live="polite">
        {stale && (
          <div className="mb-4 flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950 sm:flex-row sm:items-center sm:justify-between">
            <p className="font-medium">{t("stale")}</p>
            <Button type="button" variant="secondary" onClick={() => router.refresh()}>
              {t("reload")}
            </Button>
          </div>
        )}
      </div>
      {children}
    </WorkspaceContext>
  );
}
