"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { signInPath } from "@/lib/auth/sign-in-path";

const AUTH_PAGES = /^\/(signin|register|confirm-email)(\/|$)/;

/**
 * The header's "Sign in": back to the page being read, or, on the sign-in, registration and
 * confirmation pages, to where those pages are already taking the person (never to themselves).
 * A client component because the header's layout is not rendered again on navigation.
 */
export function SignInLink(props: { label: string; className: string }) {
  return (
    <Suspense
      fallback={
        <Link href="/signin" className={props.className}>
          {props.label}
        </Link>
      }
    >
      <ReturningSignInLink {...props} />
    </Suspense>
  );
}

function ReturningSignInLink({ label, className }: { label: string; className: string }) {
  const pathname = usePathname();
  const search = useSearchParams();
  const query = search.toString();
  const returnTo = AUTH_PAGES.test(pathname)
    ? search.get("callbackUrl")
    : pathname === "/"
      ? null
      : `${pathname}${query ? `?${query}` : ""}`;
  return (
    <Link href={signInPath(returnTo)} className={className}>
      {label}
    </Link>
  );
}
