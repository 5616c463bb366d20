/** "name=value; Path=/; HttpOnly" lines → "name=value; name2=value2" for a Cookie header. */
export function cookieHeader(setCookies: readonly string[]): string {
  return setCookies
    .map((line) => line.split(";")[0]!.trim())
    .filter(Boolean)
    .join("; ");
}

/**
 * Signs in through next-auth's credentials endpoint, as the sign-in form does: the CSRF token
 * (and its cookie), then the credentials; returns the Cookie header that carries the session.
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = cookieHeader(csrf.headers.getSetCookie());
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    // Origin as the sign-in page's browser sends it: posts without one are refused (lib/http/same-origin.ts).
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie, Origin: baseUrl },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/`, json: "true" }),
  });
  await response.arrayBuffer();
  const session = response.headers.getSetCookie().filter((line) => /session-token=/.test(line));
  if (session.length === 0) throw new Error(`Sign-in of ${email} failed (status ${response.status})`);
  return cookieHeader(session);
}

/** Signs many accounts in, a few at a time (each costs the server an argon2 verification). */
export async function signInAll(
  baseUrl: string,
  emails: readonly string[],
  password: string,
  parallel = 4,
): Promise<Map<string, string>> {
  const cookies = new Map<string, string>();
  const queue = [...emails];
  const worker = async () => {
    for (let email = queue.shift(); email; email = queue.shift())
      cookies.set(email, await signIn(baseUrl, email, password));
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return cookies;
}
