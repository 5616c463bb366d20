"use client";

import { createContext, useContext, type ReactNode } from "react";

// The id of the request that rendered this page (scripts/server.ts mints it), for error pages to
// show as a reference. Error boundaries are client components and cannot read request headers, so
// the root layout hands the id down. After in-app navigation it is still the page load's id: the
// error's digest, shown beside it, names the failing request (decision 020).
const RequestIdContext = createContext<string | null>(null);

export function RequestIdProvider({ id, children }: { id: string | null; children: ReactNode }) {
  return <RequestIdContext value={id}>{children}</RequestIdContext>;
}

export function useRequestId(): string | null {
  return useContext(RequestIdContext);
}
