import { ApplicationForm, callData, createUser, expect, test } from "./fixtures";

// Issue 12, items 8, 9 and 12, against the real server (scripts/server.ts → proxy.ts → Next).

const MB = 1024 * 1024;

function pdfOfSize(size: number): Buffer {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write(`%PDF-1.7\n% ${Date.now()}\n`);
  bytes.write("\n%%EOF\n", size - 7);
  return bytes;
}

function directives(policy: string | undefined): Map<string, string> {
  return new Map(
    (policy ?? "").split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

test.describe("uploads of the advertised size (item 8)", () => {
  test("a 10 MB file uploads through the real server; the stored file downloads with its sandbox", async ({
    page,
    login,
  }) => {
    test.setTimeout(90_000);
    const applicant = await createUser("APPLICANT");
    await login(applicant);

    await new ApplicationForm(page).goto("medical-appointment");
    await page
      .getByLabel(/^Add files for/)
      .first()
      .setInputFiles({ name: "ten-megabytes.pdf", mimeType: "application/pdf", buffer: pdfOfSize(10 * MB) });
    await expect(page.getByRole("button", { name: "Remove ten-megabytes.pdf" })).toBeVisible({
      timeout: 30_000,
    });

    const rows = await callData("uploadsBy", applicant.id);
    expect(rows).toEqual([{ id: expect.any(String), sizeBytes: 10 * MB }]);

    const download = await page.request.get(`/api/evidence/${rows[0]!.id}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'; sandbox",
    );
    expect(download.headers()["permissions-policy"]).toContain("camera=()");
    expect(download.headers()["strict-transport-security"]).toBeUndefined();
  });

  test("a body over the limit gets 413 and the localized 'too large' text, not a 500", async ({
    request,
  }) => {
    const response = await request.post("/portal/apply/medical-appointment", {
      headers: { "content-type": "application/octet-stream", "accept-language": "en" },
      data: Buffer.alloc(13 * MB, 1),
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toMatch(/^This file is larger than 10 MB\./);
  });
});

test.describe("security headers (item 9)", () => {
  test("pages carry a nonce-based CSP that Next's own scripts honour, and Permissions-Policy", async ({
    request,
  }) => {
    const response = await request.get("/signin");
    expect(response.status()).toBe(200);
    const policy = directives(response.headers()["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(policy.get("script-src") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(policy.get("script-src")).not.toContain("unsafe-inline");
    expect(policy.get("script-src")).not.toContain("unsafe-eval");
    expect(policy.get("frame-ancestors")).toBe("'none'");
    expect(policy.get("object-src")).toBe("'none'");
    expect(policy.get("base-uri")).toBe("'self'");
    expect(policy.get("form-action")).toBe("'self'");
    expect(response.headers()["permissions-policy"]).toContain("geolocation=()");
    // Plain http here: no HSTS, and no upgrading of sub-requests.
    expect(response.headers()["strict-transport-security"]).toBeUndefined();
    expect(policy.has("upgrade-insecure-requests")).toBe(false);

    // Every script in the page carries this request's nonce, or the browser would refuse it.
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

    const again = directives((await request.get("/signin")).headers()["content-security-policy"]);
    expect(again.get("script-src")).not.toContain(nonce!);
  });

  test("API routes answer with a no-content CSP and Permissions-Policy", async ({ request }) => {
    const response = await request.get("/api/health");
    expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers()["permissions-policy"]).toContain("camera=()");
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    // next-auth's own fallback pages: styles, but still no script and no framing.
    const authPolicy = directives(
      (await request.get("/api/auth/error")).headers()["content-security-policy"],
    );
    expect(authPolicy.get("default-src")).toBe("'none'");
    expect(authPolicy.has("script-src")).toBe(false);
    expect(authPolicy.get("frame-ancestors")).toBe("'none'");
  });

  test("forwarding headers from a peer that is not a trusted proxy change nothing", async ({ request }) => {
    const headers = {
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
      forwarded: "host=evil.example;proto=https",
    };
    const page = await request.get("/signin", { headers });
    expect(page.headers()["strict-transport-security"]).toBeUndefined();
    expect(directives(page.headers()["content-security-policy"]).has("upgrade-insecure-requests")).toBe(
      false,
    );

    const redirect = await request.get("/portal", { headers, maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expect(redirect.headers()["location"]).not.toContain("evil.example");

    // Kept, X-Forwarded-Host would make a foreign Origin look like ours to the origin checks.
    const action = await request.post("/signin", {
      headers: {
        ...headers,
        origin: "https://evil.example",
        "next-action": "00".repeat(21),
        "content-type": "text/plain;charset=UTF-8",
      },
      data: "[]",
    });
    expect(action.status()).toBe(403);
  });
});

test.describe("cross-site requests (item 12)", () => {
  const ACTION = {
    "next-action": "00".repeat(21),
    "content-type": "text/plain;charset=UTF-8",
    "accept-language": "en",
  };

  test("a Server Action call without Origin or Sec-Fetch-Site is refused with 403", async ({ request }) => {
    const response = await request.post("/signin", { headers: ACTION, data: "[]" });
    expect(response.status()).toBe(403);
    expect(await response.text()).toContain("did not come from this site");
  });

  test("a Server Action call marked cross-site is refused, whatever Origin it claims", async ({
    request,
    baseURL,
  }) => {
    const crossSite = await request.post("/signin", {
      headers: { ...ACTION, "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      data: "[]",
    });
    expect(crossSite.status()).toBe(403);
    const sameSite = await request.post("/signin", {
      headers: { ...ACTION, "sec-fetch-site": "same-site", origin: baseURL! },
      data: "[]",
    });
    expect(sameSite.status()).toBe(403);
    const foreignOrigin = await request.post("/signin", {
      headers: { ...ACTION, origin: "https://evil.example" },
      data: "[]",
    });
    expect(foreignOrigin.status()).toBe(403);
  });

  test("a form posted to a page without JavaScript, and next-auth's sign-in, need our origin too", async ({
    request,
  }) => {
    const form = await request.post("/register", {
      multipart: { $ACTION_ID_0000: "", email: "x@example.com" },
    });
    expect(form.status()).toBe(403);
    const signIn = await request.post("/api/auth/callback/credentials", {
      form: { email: "x@example.com", password: "x", csrfToken: "x" },
    });
    expect(signIn.status()).toBe(403);
    const zh = await request.post("/api/auth/signout", {
      headers: { "accept-language": "zh-CN" },
      form: { csrfToken: "x" },
    });
    expect(await zh.text()).toContain("此请求并非来自本站页面");
  });

  test("a same-origin call gets past the check; the public lookup API needs no Origin", async ({
    request,
    baseURL,
  }) => {
    const sameOrigin = await request.post("/signin", {
      headers: { ...ACTION, origin: baseURL! },
      data: "[]",
    });
    expect(sameOrigin.status()).not.toBe(403);
    const lookup = await request.post("/api/track", {
      data: { number: "EX000000000", idNumber: "X", name: "Y" },
    });
    expect(lookup.status()).not.toBe(403);
    expect(lookup.status()).toBeLessThan(500);
  });
});
