import type { Viewer } from "@/lib/auth/viewer";
import type { ApiScope } from "./scopes";

/**
 * Who is calling the partner API, from a valid, unrevoked, unexpired key (lib/api-keys). `viewer` is
 * what every lib/ function already takes: a PARTNER's own applicant account, or the staff member an
 * INTERNAL client acts as (with that member's current role), so the API has no rules of its own.
 */
export type ApiCaller = {
  keyId: string;
  clientId: string;
  kind: "PARTNER" | "INTERNAL";
  scopes: readonly ApiScope[];
  viewer: Viewer;
  /** Requests per minute for this key; null means the default. */
  rateLimitPerMinute: number | null;
};

export type ApiKeyRefusal = "missing" | "malformed" | "unknown" | "revoked" | "expired" | "inactive";

export type ApiAuthentication = { ok: true; caller: ApiCaller } | { ok: false; reason: ApiKeyRefusal };
