import { formatApplicationNumber } from "../lib/applications/application-number";
import { CasePage, QueuePage, callData, createUser, expect, expectNoSidewaysScroll, test } from "./fixtures";

// Issue 16 items 4 and 6 (decision 035), by the English texts in lib/i18n/messages/en/{case,queue}.json.

test.describe("a case filed at night to start next morning, on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });
  // Three pages in two roles, each checked by axe in both themes, on a machine shared by many runs.
  test.setTimeout(240_000);

  test("says when work starts, shows as scheduled in the queue, and its history lists the messages sent", async ({
    page,
    login,
    signedInPage,
  }) => {
    const applicant = await createUser("APPLICANT");
    const { number, startsAt } = await callData("fileNightCase", applicant.id);
    const startText = /^Work starts at .+, when the day shift begins\.$/;

    await login(applicant);
    await page.goto(`/portal/applications/${number}/confirmation`);
    await expect(page.getByText(startText)).toHaveAttribute("datetime", startsAt);

    // The worker delivers the submission's messages (in the app and by email).
    await callData("relayOutbox");
    const casePage = new CasePage(page);
    await casePage.goto(number);
    await expect(page.getByText(startText)).toHaveAttribute("datetime", startsAt);
    const sent = page.getByRole("region", { name: "Messages sent to you" });
    for (const channel of ["In the app", "Email"])
      await expect(
        sent.getByRole("listitem").filter({ hasText: `Application received · ${channel} · Delivered` }),
      ).toHaveCount(1);
    await expectNoSidewaysScroll(page);

    const supervisor = await signedInPage(await createUser("SUPERVISOR"));
    const queue = new QueuePage(supervisor);
    await supervisor.goto(`/console?q=${number}`);
    const row = queue.rows.filter({ hasText: formatApplicationNumber(number) });
    await expect(row.getByText(/^Scheduled: starts /)).toBeVisible();
    await expect(row.getByText("At the start")).toBeVisible();
    await expect(row.getByText(/Overdue|Unassigned|Nobody on duty/)).toHaveCount(0);
  });
});
