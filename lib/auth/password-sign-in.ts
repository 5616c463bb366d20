import "server-only";
import NextAuth from "next-auth";
import { cookies } from "next/headers";
import { NextRequest, NextResponse } from "next/server";
import { authOptions } from "./options";

const handler = NextAuth(authOptions);

// Only the path and query of these requests are read by next-auth; its origin comes from
// NEXTAUTH_URL or the real request's headers, as for the /api/auth routes.
const INTERNAL_BASE = "http://next-auth.internal/api/auth/";

export type PasswordSignIn = { ok: true } | { ok: false; error: string };

/**
 * Signs in from a Server Action by running next-auth's own credentials callback in-process: the
 * same `authorize`, callbacks, cookie names and options as `/api/auth/callback/credentials`, so the
 * form works before (or without) JavaScript and the password only ever travels in a POST body.
 * Cookies next-auth sets (its CSRF double-submit cookie, then the session) are copied into this
 * action's response; within an action `cookies()` reads back what was set, which is how the
 * second call sees the CSRF cookie the first one created.
 */
export async function signInWithNextAuth(
  email: string,
  password: string,
  sharedDevice = false,
): Promise<PasswordSignIn> {
  const { csrfToken } = (await (await callNextAuth(["csrf"])).json()) as { csrfToken: string };
  const response = await callNextAuth(["callback", "credentials"], {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      csrfToken,
      email,
      password,
      sharedDevice: sharedDevice ? "1" : "",
      json: "true",
    }),
  });
  const { url } = (await response.json()) as { url?: string };
  if (!url) return { ok: false, error: "NoAnswer" };
  const answer = new URL(url, INTERNAL_BASE).searchParams;
  // A refused CSRF check also answers with a URL without "error" (…/signin?csrf=true): not a success.
  if (answer.get("csrf") === "true") return { ok: false, error: "Csrf" };
  const error = answer.get("error");
  return error === null ? { ok: true } : { ok: false, error };
}

async function callNextAuth(
  segments: string[],
  init?: ConstructorParameters<typeof NextRequest>[1],
): Promise<Response> {
  const response: Response = await handler(
    new NextRequest(new URL(segments.join("/"), INTERNAL_BASE), init),
    {
      params: Promise.resolve({ nextauth: segments }),
    },
  );
  const jar = await cookies();
  for (const cookie of new NextResponse(null, { headers: response.headers }).cookies.getAll())
    jar.set(cookie);
  return response;
}
