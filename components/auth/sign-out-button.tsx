"use client";

import { useState } from "react";

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

export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      aria-busy={pending}
      onClick={() => {
        setPending(true);
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
