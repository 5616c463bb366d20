import { callData } from "./support/data";
import { startWebhookReceiver } from "./support/webhook-receiver";
import { createService, createUser, expect, test } from "./fixtures";

// Written against the English texts in lib/i18n/messages/en/webhooks.json. On a phone: the log's
// table scrolls in its own box, the page does not.
test.use({ viewport: { width: 360, height: 740 } });

test("an admin re-enables a disabled webhook endpoint and redelivers what it missed, each after a confirmation", async ({
  page,
  login,
}) => {
  const admin = await createUser("ADMIN");
  const partner = await createUser("APPLICANT");
  const service = await createService("hooks");
  const receiver = await startWebhookReceiver();
  const { url, secret } = await callData("disabledWebhookEndpoint", partner.id, service.id, receiver.url);
  receiver.verifyWith(secret);
  await login(admin);

  await page.goto("/console/admin/webhooks");
  await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
  const card = page.getByRole("region", { name: url });
  await expect(card.getByText(/^Disabled /)).toBeVisible();
  await card.getByRole("link", { name: /Delivery log/ }).click();

  await expect(page.getByRole("heading", { name: "Delivery log", level: 1 })).toBeVisible();
  const log = page.getByRole("table", { name: `Delivery log of ${url}` });
  const given = log.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Decided/ }) });
  await expect(given.getByRole("cell", { name: "Given up" })).toBeVisible();
  await expect(given.getByText("HTTP 503")).toBeVisible();

  // Keyboard: the dialog opens with the safe choice focused, Escape leaves everything as it was.
  await page.getByRole("button", { name: "Re-enable endpoint" }).focus();
  await page.keyboard.press("Enter");
  const reenable = page.getByRole("dialog", { name: "Re-enable this endpoint?" });
  await expect(reenable.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(reenable).toBeHidden();
  await page.getByRole("button", { name: "Re-enable endpoint" }).click();
  await reenable.getByRole("button", { name: "Re-enable", exact: true }).click();
  await expect(page.getByText("The endpoint is enabled again.")).toBeVisible();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();

  await given.getByRole("button", { name: "Redeliver" }).click();
  const redeliver = page.getByRole("dialog", { name: "Send this event again?" });
  await redeliver.getByRole("button", { name: "Send again" }).click();
  await expect(page.getByText("The delivery is queued and will be sent shortly.")).toBeVisible();
  await expect(given.getByRole("cell", { name: "Waiting" })).toBeVisible();
  // What the worker does next: the receiver gets the event, signed with the endpoint's secret.
  await callData("deliverWebhooks");
  expect(receiver.accepted().map((r) => [r.payload.type, r.verified])).toEqual([
    ["application.decided", { ok: true }],
  ]);
  await receiver.close();

  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
