import { callData, createShiftAround, createUser, expect, handleService, test } from "./fixtures";

// Issue 16 item 7 (paging): the reviewer on duty is paged about a new express case outside the app
// and acknowledges it from the link. Opening the link acknowledges nothing; the button does.

test("an express case filed at night pages the on-duty reviewer, who acknowledges it", async ({
  page,
  login,
}) => {
  const reviewer = await createUser("REVIEWER", { displayName: "Nora Night" });
  const applicant = await createUser("APPLICANT");
  const service = await callData("createService", "paging");
  await handleService(reviewer.id, service.id);
  // The night shift: the reviewer is on duty now.
  await createShiftAround([reviewer.id], -60, 60);
  await callData("fileCase", applicant.id, service.id, "EXPRESS");

  // The page as the dev mailbox receives it: an email to the reviewer with the acknowledge link.
  const path = await callData("emailedPath", reviewer.email, "page.newExpress");
  expect(path).toMatch(/^\/console\/paging\/acknowledge\?token=/);

  await login(reviewer);
  await page.goto(path!);
  await expect(page.getByRole("heading", { name: "Page acknowledgement", level: 1 })).toBeVisible();
  await expect(page.getByText(/A new express case .+ was assigned to you while on duty\./)).toBeVisible();
  await page.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Acknowledged at" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);

  // A link that is wrong (or expired, or someone else's) gets the not-found page that says so. (Its
  // HTTP status is 200: the console's loading boundary has streamed the shell by then, decision 036.)
  await page.goto("/console/paging/acknowledge?token=not-a-real-token");
  await expect(page.getByRole("heading", { name: "This acknowledge link cannot be used" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Acknowledge" })).toHaveCount(0);
});
