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
  test,
} from "./fixtures";

// Written against the English texts in lib/i18n/messages/en/rota.json.

test("an outgoing reviewer hands a case over and the incoming reviewer acknowledges it and holds the case", async ({
  page,
  login,
  signedInPage,
}) => {
  test.setTimeout(120_000);
  const suffix = randomUUID().slice(0, 4);
  const service = await createService("e2e-handover");
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id, service.code);
  const outgoing = await createUser("REVIEWER", { displayName: `Olga Outgoing ${suffix}` });
  const incoming = await createUser("REVIEWER", { displayName: `Ivan Incoming ${suffix}` });
  await handleService(outgoing.id, service.id);
  await handleService(incoming.id, service.id);
  await claimCase(number, outgoing.id);
  // Olga's shift ends in an hour; Ivan is on duty now and through the shift after hers.
  await createShiftAround([outgoing.id], -60, 60);
  await createShiftAround([incoming.id], -60, 180);
  const shown = formatApplicationNumber(number);

  // The outgoing reviewer: a note for the case, the incidents, every checklist item, then "End shift".
  await login(outgoing);
  await page.goto("/console/handover");
  await expect(page.getByRole("heading", { name: "Shift handover", level: 1 })).toBeVisible();
  const form = page.getByRole("region", { name: "End your shift" });
  await form.getByRole("button", { name: "End shift" }).click();
  // Refused until every case has a note and every item is ticked.
  await expect(form.getByText("Write a note for this case.")).toBeVisible();
  await expect(form.getByText("Tick every item: the shift ends only when all are done.")).toBeVisible();

  await form
    .getByLabel(`Note for ${shown}`)
    .fill("The applicant calls back at 9; the invitation draft is in the evidence.");
  await form.getByLabel("Incidents during the shift (optional)").fill("The printer on floor 2 is down.");
  for (const item of [
    "All urgent cases have a next step",
    "Supplement requests are answered or chased",
    "Nothing is waiting in the mailbox's failed list",
  ]) {
    await form.getByLabel(item).check();
  }
  await form.getByRole("button", { name: "End shift" }).click();
  await expect(page).toHaveURL(/\/console\/handover\/[0-9a-f-]+\?submitted=1$/);
  await expect(
    page.getByText("Your handover is saved and your cases went to the next shift.", { exact: false }),
  ).toBeVisible();
  const handedOver = page
    .getByRole("table", { name: "Cases handed over" })
    .getByRole("row", { name: new RegExp(shown) });
  await expect(handedOver).toContainText("The applicant calls back at 9");
  await expect(handedOver).toContainText(incoming.displayName);

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
