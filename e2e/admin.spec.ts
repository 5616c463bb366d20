import { createUser, expect, test } from "./fixtures";

// Written against the English texts in lib/i18n/messages/en/admin.json.

test("an admin creates a reviewer, gives them a service, deactivates them and finds it all in the audit log", async ({
  page,
  login,
}) => {
  test.setTimeout(90_000);
  const admin = await createUser("ADMIN", { displayName: "Ada Admin" });
  const reviewerEmail = `reviewer-${Date.now()}@e2e.test`;
  await login(admin);
  await page.goto("/console/admin");
  await expect(page).toHaveURL(/\/console\/admin\/staff$/);
  await expect(page.getByRole("heading", { name: "Staff accounts", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: "Staff" }),
  ).toHaveAttribute("aria-current", "page");

  await page.getByRole("link", { name: "New staff account" }).click();
  await expect(page.getByRole("heading", { name: "New staff account", level: 1 })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("Rex Reviewer");
  await page.getByLabel("Email", { exact: true }).fill(reviewerEmail);
  await page.getByLabel("Role", { exact: true }).selectOption({ label: "Reviewer" });
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await page.getByLabel("Initial password").fill("a temporary pass 2026");
  await page.getByLabel("Language for emails").selectOption({ label: "English" });
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByRole("heading", { name: "Rex Reviewer", level: 1 })).toBeVisible();
  await expect(page.getByText("The account for Rex Reviewer was created.")).toBeVisible();

  const services = page.getByRole("region", { name: "Services handled" });
  await services.getByLabel("Visa invitation letter").check();
  await services.getByRole("button", { name: "Save services" }).click();
  await expect(services.getByText("Saved: 1 added, 0 removed.")).toBeVisible();

  const status = page.getByRole("region", { name: "Status" });
  await status.getByRole("button", { name: "Deactivate account" }).click();
  const dialog = page.getByRole("dialog", { name: "Deactivate Rex Reviewer?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await status.getByRole("button", { name: "Deactivate account" }).click();
  await dialog.getByRole("button", { name: "Deactivate", exact: true }).click();
  await expect(status.getByText("Account deactivated.", { exact: false })).toBeVisible();
  await expect(status.getByRole("button", { name: "Reactivate account" })).toBeVisible();

  await page
    .getByRole("navigation", { name: "Administration" })
    .getByRole("link", { name: "Audit log" })
    .click();
  await page.getByLabel("Action").selectOption({ label: "Staff: all" });
  await page.getByLabel("Name or email").fill(admin.email);
  await page.getByRole("button", { name: "Filter" }).click();
  const log = page.getByRole("table", { name: "Audit log entries" });
  for (const action of ["Staff account created", "Services changed", "Staff account deactivated"]) {
    await expect(log.getByRole("rowheader", { name: action })).toBeVisible();
  }
  await expect(log.getByText(reviewerEmail)).toBeVisible();
  await expect(log.getByRole("link", { name: "Rex Reviewer" }).first()).toHaveAttribute(
    "href",
    /\/console\/admin\/staff\/[0-9a-f-]+$/,
  );
  await expect(log.getByRole("rowheader", { name: "Moved to the next step" })).toHaveCount(0);
});

test("an admin changes an express step target and a reviewer cannot open the admin pages", async ({
  page,
  login,
}) => {
  // Three pages and two sign-ins: the default 30 s ran out on a loaded machine (7 suites at once).
  test.setTimeout(60_000);
  const admin = await createUser("ADMIN");
  await login(admin);
  await page.goto("/console/admin/services");
  await page.getByRole("link", { name: /Passport urgent renewal/ }).click();

  const express = page.getByRole("region", { name: "Express tier" });
  await express.getByLabel("Decision", { exact: true }).fill("100000");
  await express.getByRole("button", { name: "Save Express tier" }).click();
  await expect(express.getByText("A step cannot take longer than the whole processing time.")).toBeVisible();
  await expect(express.getByLabel("Decision", { exact: true })).toHaveAttribute("aria-invalid", "true");

  const minutes = String(400 + Math.floor(Math.random() * 100));
  await express.getByLabel("Decision", { exact: true }).fill(minutes);
  await express.getByRole("button", { name: "Save Express tier" }).click();
  await expect(express.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole("region", { name: "Express tier" }).getByLabel("Decision", { exact: true }),
  ).toHaveValue(minutes);

  await page.goto(`/console/admin/audit?action=catalog.tierUpdated&actor=${encodeURIComponent(admin.email)}`);
  await expect(
    page.getByRole("table", { name: "Audit log entries" }).getByText(`→ ${minutes}`),
  ).toBeVisible();

  const reviewer = await createUser("REVIEWER");
  await page.context().clearCookies();
  await login(reviewer);
  await page.goto("/console/admin/staff");
  await expect(page).toHaveURL(/\/forbidden\?area=admin/);
});
