import { callData, createService, createUser, expect, handleService, test, WorkspacePage } from "./fixtures";
import { startWebhookReceiver } from "./support/webhook-receiver";

// Issue 17 item 7, end to end: an admin creates a partner's key in the console; the partner's own
// script (plain fetch, as the /developers quick start shows) registers a webhook and files a case with
// evidence; a reviewer works it in the console; the receiver gets the signed events in order; GET
// shows the new node. Written against the English texts of admin.json and workspace.json.

const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const SECRET = /^exp_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}$/;

test("a partner files through the API with its console-made key, and follows the reviewer's work by webhook and GET", async ({
  page,
  login,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const service = await createService("e2e-partner");
  const reviewer = await createUser("REVIEWER", { displayName: "Pia Partnercase" });
  await handleService(reviewer.id, service.id);
  const admin = await createUser("ADMIN");
  const partner = `Lakeside Clinic ${Date.now()}`;

  // The admin makes the partner and its key; the secret is on screen once.
  await login(admin);
  await page.goto("/console/admin/api-keys");
  const newClient = page.getByRole("region", { name: "New API client" });
  await newClient.getByLabel("Name", { exact: true }).fill(partner);
  await newClient.getByLabel("Contact email").fill("it@lakeside.example");
  await newClient.getByRole("button", { name: "Create client" }).click();
  const card = page.getByRole("region", { name: partner });
  await card.getByText(`New key for ${partner}`).click();
  await card.getByLabel("Key name").fill("clinic system");
  for (const scope of [
    /File applications/,
    /Read applications and their progress/,
    /Manage webhook endpoints/,
  ])
    await card.getByRole("checkbox", { name: scope }).check();
  await card.getByRole("button", { name: "Create key" }).click();
  const key = (await card.getByText(SECRET).textContent())!.trim();

  // From here on the partner's script: only the key and the documented endpoints.
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${baseURL}/api/v1${path}`, {
      ...init,
      headers: { Authorization: `Bearer ${key}`, "Accept-Language": "en", ...init.headers },
    });
  const receiver = await startWebhookReceiver();
  const registered = await api("/webhooks", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
    body: JSON.stringify({
      url: receiver.url,
      events: ["application.submitted", "application.node_changed"],
    }),
  });
  expect(registered.status).toBe(201);
  receiver.verifyWith((await registered.json()).secret);

  const neededBy = new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10);
  const application = {
    serviceCode: service.code,
    // The test service offers the standard tier only (e2e createService).
    tier: "STANDARD",
    neededBy,
    reason: "Our patient must travel abroad for a transplant; the hospital there fixed the date last night.",
    applicant: { name: "Li Na", idType: "PASSPORT", idNumber: "E98765432" },
    contact: { phone: "13800138000", email: "li.na@example.com", locale: "en" },
    triage: {
      consequence: "HEALTH_OR_SAFETY",
      fixedDate: "TRAVEL",
      fixedDateOn: neededBy,
      healthOrSafety: true,
      affected: "SELF",
    },
  };
  const form = new FormData();
  form.append("application", new Blob([JSON.stringify(application)], { type: "application/json" }));
  form.append("OTHER", new Blob([PDF], { type: "application/pdf" }), "hospital-letter.pdf");
  const filed = await api("/applications", {
    method: "POST",
    headers: { "Idempotency-Key": crypto.randomUUID() },
    body: form,
  });
  const created = await filed.json();
  expect(filed.status, JSON.stringify(created)).toBe(201);
  expect([created.currentNode, created.evidence.length]).toEqual(["SUBMITTED", 1]);
  const { number } = created;

  // A reviewer works it in the console.
  await login(reviewer);
  const workspace = new WorkspacePage(page);
  await page.goto(`/console/cases/${number}`);
  await workspace.claim();
  await workspace.advanceTo("Material check");

  // The events reach the partner signed, in the case's order; GET shows the new step.
  await callData("deliverWebhooks");
  await receiver.waitFor(2);
  expect(receiver.accepted().map((hook) => [hook.payload.type, hook.verified.ok])).toEqual([
    ["application.submitted", true],
    ["application.node_changed", true],
  ]);
  expect(receiver.accepted()[1]!.payload.data.application).toMatchObject({
    number,
    currentNode: "MATERIAL_CHECK",
  });

  const progress = await api(`/applications/${number}`);
  expect(progress.status).toBe(200);
  expect(await progress.json()).toMatchObject({ number, currentNode: "MATERIAL_CHECK" });
  await receiver.close();
});
