/** What an API key may do (decision 037). A key carries any subset, chosen when it is created. */
export const API_SCOPES = [
  "applications:write",
  "applications:read",
  "cases:transition",
  "webhooks:manage",
] as const;

export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}
