import { callData, createUser, expect, expectNoSidewaysScroll, test } from "./fixtures";

// Written against the English texts in lib/i18n/messages/en/admin.json. On a 360 px phone on purpose.

const SECRET = /^exp_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/;

test("an admin creates a partner and a key, whose secret is shown once, works, and stops at revocation", async ({
  page,
  login,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 780 });
  const admin = await createUser("ADMIN");
  const partner = `Harbour Travel ${Date.now()}`;
  await login(admin);
  await page.goto("/console/admin/api-keys");
  await expect(page.getByRole("heading", { name: "API keys", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "API keys" }),
  ).toHaveAttribute("aria-current", "page");

  const newClient = page.getByRole("region", { name: "New API client" });
  await newClient.getByLabel("Name", { exact: true }).fill(partner);
  await newClient.getByLabel("Contact email").fill("not an address");
  await newClient.getByRole("button", { name: "Create client" }).click();
  await expect(newClient.getByText("Enter a valid email address", { exact: false })).toBeVisible();
  await newClient.getByLabel("Contact email").fill("api@harbour.example");
  await newClient.getByRole("button", { name: "Create client" }).click();
  await expect(newClient.getByText(`The client ${partner} was created.`, { exact: false })).toBeVisible();

  const card = page.getByRole("region", { name: partner });
  await expect(card.getByText("No key yet.")).toBeVisible();
  await card.getByText(`New key for ${partner}`).click();
  await card.getByLabel("Key name").fill("production");
  // A partner is never offered the scope that moves cases.
  await expect(card.getByRole("checkbox", { name: /Move cases through the workflow/ })).toHaveCount(0);
  await card.getByRole("checkbox", { name: /Read applications and their progress/ }).check();
  await card.getByLabel("Requests per minute (optional)").fill("120");
  await card.getByRole("button", { name: "Create key" }).click();

  await expect(card.getByText("It will not be shown again", { exact: false })).toBeVisible();
  const secret = (await card.getByText(SECRET).textContent())!.trim();
  await expect(card.getByRole("button", { name: "Copy key" })).toBeVisible();
  await expectNoSidewaysScroll(page);
  expect(await callData("apiKeyAuthentication", `Bearer ${secret}`)).toEqual({
    ok: true,
    reason: null,
    kind: "PARTNER",
    scopes: ["applications:read"],
  });

  // Shown once: a fresh page has the prefix and the last use, never the secret.
  const prefix = secret.slice(0, 12);
  await page.reload();
  const keys = page.getByRole("table", { name: `Keys of ${partner}` });
  const row = keys.getByRole("row", { name: /production/ });
  await expect(row.getByText(prefix, { exact: true })).toBeVisible();
  await expect(row.getByText("Active", { exact: true })).toBeVisible();
  await expect(row.getByText("Never")).toHaveCount(0);
  await expect(page.getByText(SECRET)).toHaveCount(0);

  await row.getByRole("button", { name: `Revoke key ${prefix}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke the key ${prefix}?` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await callData("apiKeyAuthentication", `Bearer ${secret}`)).ok).toBe(true);
  await row.getByRole("button", { name: `Revoke key ${prefix}` }).click();
  await dialog.getByRole("button", { name: "Revoke key", exact: true }).click();
  await expect(page.getByText(`The key ${prefix} was revoked.`)).toBeVisible();
  await expect(row.getByText("Revoked", { exact: true })).toBeVisible();
  expect(await callData("apiKeyAuthentication", `Bearer ${secret}`)).toMatchObject({
    ok: false,
    reason: "revoked",
  });
});
