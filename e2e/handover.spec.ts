import { randomUUID } from "node:crypto";
import { formatApplicationNumber } from "../lib/applications/application-number";
import {
  WorkspacePage,
  claimCase,
  createService,
  createShiftAround,
  createSubmittedCase,
  createUser,
  expect,
  handleService,
  setLoadThreshold,
  test,
} from "./fixtures";

// Written against the English texts in lib/i18n/messages/en/rota.json.

test("an outgoing reviewer hands every case over with one note and the incoming reviewer acknowledges it and holds them", async ({
  page,
  login,
  signedInPage,
}) => {
  test.setTimeout(120_000);
  const suffix = randomUUID().slice(0, 4);
  const service = await createService("e2e-handover");
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id, service.code);
  const second = await createSubmittedCase(applicant.id, service.code);
  const outgoing = await createUser("REVIEWER", { displayName: `Olga Outgoing ${suffix}` });
  const incoming = await createUser("REVIEWER", { displayName: `Ivan Incoming ${suffix}` });
  await handleService(outgoing.id, service.id);
  await handleService(incoming.id, service.id);
  await claimCase(number, outgoing.id);
  await claimCase(second, outgoing.id);
  // Olga's shift ends in an hour; Ivan is on duty now and through the shift after hers.
  await createShiftAround([outgoing.id], -60, 60);
  await createShiftAround([incoming.id], -60, 180);
  const shown = formatApplicationNumber(number);

  // The outgoing reviewer: both cases are selected; one note for all, an own note for one case.
  await login(outgoing);
  await page.goto("/console/handover");
  await expect(page.getByRole("heading", { name: "Shift handover", level: 1 })).toBeVisible();
  const form = page.getByRole("region", { name: "End your shift" });
  await expect(form.getByLabel("Select all 2 cases")).toBeChecked();
  await expect(form.getByText("2 of 2 selected")).toBeVisible();
  // The step asks first; refused until there is a note and every item is ticked.
  await form.getByRole("button", { name: "End shift" }).click();
  const confirm = page.getByRole("dialog", { name: "End the shift?" });
  await expect(confirm).toContainText("2 cases go to the next shift with your note.");
  await confirm.getByRole("button", { name: "End shift and hand over" }).click();
  await expect(form.getByText("Write a note for the cases you hand over.")).toBeVisible();
  await expect(form.getByText("Tick every item: the shift ends only when all are done.")).toBeVisible();

  await form
    .getByLabel("Note for every case handed over")
    .fill("All triaged; the invitation drafts are in the evidence.");
  await form.getByText(`Add a note for ${shown}`).click();
  await form.getByLabel(`Own note for ${shown} (optional)`).fill("The applicant calls back at 9.");
  await form.getByLabel("Incidents during the shift (optional)").fill("The printer on floor 2 is down.");
  for (const item of [
    "All urgent cases have a next step",
    "Supplement requests are answered or chased",
    "Nothing is waiting in the mailbox's failed list",
  ]) {
    await form.getByLabel(item).check();
  }
  await form.getByRole("button", { name: "End shift" }).click();
  await confirm.getByRole("button", { name: "End shift and hand over" }).click();
  await expect(page).toHaveURL(/\/console\/handover\/[0-9a-f-]+\?submitted=1$/);
  await expect(
    page.getByText("Your handover is saved and your cases went to the next shift.", { exact: false }),
  ).toBeVisible();
  await expect(page.getByText("All triaged; the invitation drafts are in the evidence.")).toBeVisible();
  const handedOver = page.getByRole("table", { name: "Cases handed over" });
  await expect(handedOver.getByRole("row", { name: new RegExp(shown) })).toContainText(
    "The applicant calls back at 9",
  );
  await expect(
    handedOver.getByRole("row", { name: new RegExp(formatApplicationNumber(second)) }),
  ).toContainText(incoming.displayName);

  // The incoming reviewer sees it at the top of the handover page and acknowledges it.
  const incomingPage = await signedInPage(incoming);
  await incomingPage.goto("/console/handover");
  const pending = incomingPage.getByRole("region", { name: "Waiting for acknowledgement" });
  await expect(pending.getByRole("heading", { name: `From ${outgoing.displayName}` })).toBeVisible();
  await pending
    .getByRole("link", { name: new RegExp(`^Read the handover from ${outgoing.displayName}`) })
    .click();
  await expect(
    incomingPage.getByRole("heading", { name: `Handover from ${outgoing.displayName}`, level: 1 }),
  ).toBeVisible();
  await expect(incomingPage.getByRole("region", { name: "Incidents" })).toContainText(
    "The printer on floor 2 is down.",
  );
  await incomingPage
    .getByRole("button", { name: `Acknowledge the handover from ${outgoing.displayName}` })
    .click();
  await expect(
    incomingPage.getByText(`Acknowledged by ${incoming.displayName}`, { exact: false }),
  ).toBeVisible();

  await incomingPage.goto("/console/handover");
  await expect(
    incomingPage
      .getByRole("region", { name: "Waiting for acknowledgement" })
      .getByRole("heading", { name: `From ${outgoing.displayName}` }),
  ).toHaveCount(0);

  // The case is now the incoming reviewer's.
  const workspace = new WorkspacePage(incomingPage);
  await workspace.goto(number);
  await expect(workspace.facts).toContainText(incoming.displayName);
});

test("a supervisor moves many of one reviewer's cases to a colleague on duty in one step", async ({
  page,
  login,
}) => {
  test.setTimeout(120_000);
  const suffix = randomUUID().slice(0, 4);
  const service = await createService("e2e-rebalance");
  const applicant = await createUser("APPLICANT");
  const busy = await createUser("REVIEWER", { displayName: `Bea Busy ${suffix}` });
  const calm = await createUser("REVIEWER", { displayName: `Cal Calm ${suffix}` });
  const supervisor = await createUser("SUPERVISOR");
  await handleService(busy.id, service.id);
  await handleService(calm.id, service.id);
  await createShiftAround([busy.id, calm.id], -60, 180);
  for (let index = 0; index < 3; index++)
    await claimCase(await createSubmittedCase(applicant.id, service.code), busy.id);

  // Three open cases of a service whose threshold is two: the console names Bea, with a way to act.
  await setLoadThreshold(service.id, 2);

  await login(supervisor);
  await page.goto("/console");
  const overloaded = page.getByRole("region", { name: "Over their load threshold" });
  await expect(overloaded).toContainText(`${busy.displayName}: 3 open cases of`);
  await overloaded.getByRole("link", { name: `Rebalance the cases of ${busy.displayName}` }).click();
  const section = page.getByRole("region", { name: "Rebalance cases" });
  await expect(section.getByLabel("Whose cases")).toHaveValue(busy.id);
  await section.getByLabel("Select all 3 cases").check();
  await section.getByLabel("Colleague on duty").selectOption({ label: `${calm.displayName} · 0 open cases` });
  await section.getByLabel("Note for every case moved").fill("Bea has the night's backlog.");
  await section.getByRole("button", { name: "Reassign selected cases" }).click();
  const confirm = page.getByRole("dialog", { name: "Reassign the selected cases?" });
  await expect(confirm).toContainText(`3 cases move away from ${busy.displayName}`);
  await confirm.getByRole("button", { name: "Reassign" }).click();
  await expect(section.getByText("3 cases were reassigned.")).toBeVisible();
  await expect(section.getByText("No open cases.")).toBeVisible();
  // Bea is under the threshold now; Cal holds three and is named instead.
  const nowOverloaded = page.getByRole("region", { name: "Over their load threshold" });
  await expect(nowOverloaded).toContainText(`${calm.displayName}: 3 open cases of`);
  await expect(nowOverloaded).not.toContainText(busy.displayName);
});
