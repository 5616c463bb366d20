"use client";

import { useState } from "react";
import { clearDeviceData } from "@/components/apply/device-data";
import { SignInAgainLink, useSessionExpired } from "./session-expired";

/**
 * Signs out through next-auth's own endpoint, with the CSRF token it requires. This is what
 * next-auth/react's signOut does; doing it here keeps that 12 KB client out of every page, since
 * the header (and so this button) is on all of them.
 */
async function signOut(callbackUrl: string): Promise<string> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await response.json()) as { url?: string };
  return url ?? callbackUrl;
}

/**
 * Signing out first removes everything the app keeps in this browser (drafts with health details,
 * contact details, the ID number), whatever the server then answers. Once an action has found the
 * session expired, the header offers signing in again instead.
 */
export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  const expired = useSessionExpired();
  if (expired)
    return (
      <SignInAgainLink className="min-h-9 rounded-md px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50" />
    );
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
        clearDeviceData(null);
        signOut("/").then(
          (url) => window.location.assign(url),
          // Offline or the server away: still signed in, so the button comes back to try again.
          () => setPending(false),
        );
      }}
      className="min-h-9 rounded-md px-3 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
    >
      {label}
    </button>
  );
}
