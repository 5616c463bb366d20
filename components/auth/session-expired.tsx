"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { linkClasses } from "@/components/ui/text-link";
import { signInPath } from "@/lib/auth/sign-in-path";

// A Server Action answered "the session is gone" (lib/action-result.ts): every part of the page that
// still speaks as if signed in (the header's sign-out) learns it from here, whichever form asked.
// It holds for the page where it was found: moving to another page (the sign-in page first of all)
// forgets it, so after signing in again nothing still says "expired" (navigation there is
// client-side, and this module outlives it).
const EVENT = "expedite:session-expired";
let expiredOn: string | null = null;

export function announceSessionExpired() {
  if (expiredOn !== null) return;
  expiredOn = window.location.pathname;
  window.dispatchEvent(new Event(EVENT));
}

function forgetUnlessOn(pathname: string) {
  if (expiredOn === null || expiredOn === pathname) return;
  expiredOn = null;
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  return () => window.removeEventListener(EVENT, onChange);
}

/** True once any action on this page found the session expired. */
export function useSessionExpired(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => expiredOn !== null,
    () => false,
  );
}

/** Where the browser is now, path and query: the page sign-in leads back to. */
export function currentPage(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** "Sign in again", back to `returnTo` (by default this very page, query included). */
export function SignInAgainLink({ returnTo, className }: { returnTo?: string; className?: string }) {
  const t = useTranslations("auth");
  return (
    <Link href={signInPath(returnTo ?? currentPage(), true)} className={className ?? linkClasses()}>
      {t("signInAgain")}
    </Link>
  );
}

/** Under the header once the session is found expired: the message and the way back, on every page. */
export function SessionExpiredBanner() {
  const t = useTranslations();
  const isExpired = useSessionExpired();
  const pathname = usePathname();
  useEffect(() => forgetUnlessOn(pathname), [pathname]);
  if (!isExpired) return null;
  return (
    <div role="alert" className="border-b border-red-200 bg-red-50 print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 px-4 py-2 text-sm text-red-800 sm:px-6">
        <p>{t("errors.sessionExpired")}</p>
        <SignInAgainLink className={linkClasses({ extra: "text-red-900 underline" })} />
      </div>
    </div>
  );
}
