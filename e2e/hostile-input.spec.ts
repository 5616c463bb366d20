import { ApplicationForm, createUser, expect, test } from "./fixtures";

// Issue 12 item 7 through the real server: what the Vitest walk (lib/security/hostile-input.test.ts)
// cannot reach — Next's own multipart parser in front of the upload action, and pages' URLs.

// A real 2 × 2 PNG: uploads are decoded and re-encoded, so a bare signature would be refused.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWOQi1ogF7WAAUIBABymBGEvltN2AAAAAElFTkSuQmCC",
  "base64",
);

test("an upload whose file name carries a NUL byte is stored under the clean name", async ({
  page,
  login,
}) => {
  const applicant = await createUser("APPLICANT");
  await login(applicant);

  // A browser never sends this name; a hand-made request can. Rewrite the upload on its way out.
  await page.route("**/portal/apply/**", async (route) => {
    const body = route.request().postDataBuffer();
    const marker = Buffer.from('filename="id-card.png"');
    if (route.request().method() !== "POST" || !body || body.indexOf(marker) < 0) return route.continue();
    const hostile = Buffer.concat([
      body.subarray(0, body.indexOf(marker)),
      Buffer.from('filename="id-\u0000card.png"'),
      body.subarray(body.indexOf(marker) + marker.length),
    ]);
    await route.continue({ postData: hostile });
  });

  await page.goto("/portal/apply");
  const form = new ApplicationForm(page);
  await form.chooseService("Specialist medical appointment");
  await form.attach("Identity document (both sides)", {
    name: "id-card.png",
    mimeType: "image/png",
    buffer: PNG,
  });
});

test.describe(() => {
  // /portal/apply/%00 streams (loading.tsx): on a busy server its "not found" can come after the shell,
  // and React then reports error #419 while still showing "Page not found" (see portal.spec.ts).
  test.use({ expectedPageErrors: [/Minified React error #419/] });

  test("hostile values in a page's URL get the page or 'not found', never the error page", async ({
    page,
    login,
  }) => {
    // Four page loads as two people: more than the default budget on a busy two-core machine.
    test.slow();
    const supervisor = await createUser("SUPERVISOR");
    await login(supervisor);

    for (const url of [
      "/console?q=%00",
      "/console?q=%E5%BC%A0%00%01",
      "/console?q=%00&node=%00&assignee=%00&page=%00",
    ]) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      await expect(page.getByRole("heading", { name: /^Review queue/ })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
    }
    const applicant = await createUser("APPLICANT");
    await page.context().clearCookies();
    await login(applicant);
    // The page streams (loading.tsx), so "not found" arrives as content under a 200.
    expect((await page.goto("/portal/apply/%00"))?.status()).toBeLessThan(500);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  });
});

// next-auth's handler needs a running Next server, so the Vitest walk leaves it to this test.
test("next-auth's routes answer hostile values below 500", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const attempts: [string, string][] = [
    ["\u0000", "\u0000"],
    [`a\u0000@example.com`, "x"],
    ["x".repeat(100_000), "y".repeat(100_000)],
  ];
  for (const [email, password] of attempts) {
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, json: "true" },
      maxRedirects: 0,
    });
    expect(response.status(), `sign-in with ${JSON.stringify(email.slice(0, 20))}`).toBeLessThan(500);
  }
  for (const path of [
    "/api/auth/session?x=%00",
    "/api/auth/signin?callbackUrl=%00",
    "/api/auth/session?callbackUrl=foo",
    "/api/auth/providers?%00=%00",
    "/api/auth/%00",
    "/api/auth/callback/%00",
  ]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBeLessThan(500);
  }
  const withCookie = await request.get("/api/auth/session", {
    headers: { cookie: "next-auth.callback-url=%00" },
    maxRedirects: 0,
  });
  expect(withCookie.status(), "a NUL in the callback-url cookie").toBeLessThan(500);
});
