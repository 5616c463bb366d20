import { readFileSync } from "node:fs";
import type { APIRequestContext, Page } from "@playwright/test";
import { makeCnResidentId } from "../../lib/identity/id-number";
import {
  ApplicationForm,
  CasePage,
  SignInPage,
  WorkspacePage,
  callData,
  createService,
  createUser,
  expect,
  handleService,
  newContext,
  test,
} from "../fixtures";
import type { ClusterState } from "./topology";

// Issue 14's proof: one build served by two instances behind nginx (round-robin), one worker, one
// database, one evidence store. Every page load and Server Action below goes through nginx, so
// consecutive requests land on different instances; one instance is stopped with SIGTERM halfway.

const state = JSON.parse(readFileSync(process.env.CLUSTER_STATE!, "utf8")) as ClusterState;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
const ID_NUMBER = makeCnResidentId("11010519900307123");

type Mail = { messageId: string; to: string[]; subject: string; text: string };
const mails = () =>
  readFileSync(state.mailFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Mail);

type Exit = { name: string; code: number | null; signal: string | null };
const exits = () =>
  readFileSync(state.exitsFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Exit);

/** Access-log lines: which instance (upstream address) answered which request. */
function upstreamsOf(method: string, pathPattern: RegExp): string[] {
  return readFileSync(state.accessLog, "utf8")
    .split("\n")
    .filter((line) => line.includes(`"${method} `))
    .filter((line) => pathPattern.test(line.split('"')[1]?.split(" ")[1] ?? ""))
    .flatMap((line) => /upstream=(\S+)/.exec(line)?.[1]?.split(", ") ?? []);
}

const instanceUrl = (index: number) => `http://127.0.0.1:${state.instances[index]!.port}`;

async function lookUpThrough(request: APIRequestContext, base: string, number: string) {
  const response = await request.post(`${base}/api/track`, {
    data: { number, idType: "CN_RESIDENT_ID", idNumber: ID_NUMBER },
  });
  expect(response.status(), `lookup through ${base}`).toBe(200);
  return (await response.json()) as { number: string };
}

async function signIn(page: Page, email: string, password: string) {
  await new SignInPage(page).signIn(email, password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test("a whole case through nginx and two instances, with one instance stopped halfway", async ({
  browser,
  baseURL,
  request,
}) => {
  const service = await createService("cluster");
  await callData("requireEvidence", service.id, "Passport photo page");
  const reviewer = await createUser("REVIEWER", { displayName: "Rita Cluster" });
  await handleService(reviewer.id, service.id);

  // An applicant registers; the worker delivers the confirmation email over SMTP.
  const applicantContext = await newContext(browser, baseURL);
  const applicant = await applicantContext.newPage();
  const email = `cluster-${Date.now()}@applicant.example`;
  await applicant.goto("/register");
  await applicant.getByLabel("Your name").fill("Wang Xiaoming");
  await applicant.getByLabel("Email").fill(email);
  await applicant.getByLabel("Password", { exact: true }).fill("a fine password 7");
  await applicant.getByLabel("Repeat password").fill("a fine password 7");
  await applicant.getByRole("button", { name: "Create account" }).click();
  await expect(applicant.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect
    .poll(() => mails().filter((mail) => mail.to.includes(email)).length, { timeout: 20_000 })
    .toBe(1);
  const link = /https?:\/\/\S+\/confirm-email\S*/.exec(
    mails().find((mail) => mail.to.includes(email))!.text,
  )?.[0];
  expect(link, "the email carries the confirmation link").toBeTruthy();
  await applicant.goto(link!);
  await applicant.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(applicant.getByText("Your email address is confirmed. Sign in to continue.")).toBeVisible();
  await signIn(applicant, email, "a fine password 7");

  // Files a case with evidence: the upload goes through whichever instance nginx picks.
  const form = new ApplicationForm(applicant);
  await form.goto(service.code);
  await form.tier("Standard").check();
  await applicant
    .getByLabel("Needed by")
    .fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
  await applicant
    .getByLabel("Why is it urgent?")
    .fill("My passport expires before a work trip booked next month.");
  await form.answerTriage({
    ifLate: "It is inconvenient",
    fixedDate: "No fixed date",
    healthOrSafety: "No",
    affected: "Only me",
  });
  await form.fillApplicant({
    fullName: "Wang Xiaoming",
    idType: "Mainland resident ID card",
    idNumber: ID_NUMBER,
    phone: "13800138000",
  });
  await form.attach("Passport photo page", {
    name: "passport.pdf",
    mimeType: "application/pdf",
    buffer: PDF,
  });
  const number = await form.submit();

  // Pays (the simulated online payment).
  await applicant.getByRole("link", { name: "Go to your case" }).click();
  const casePage = new CasePage(applicant);
  await applicant.getByRole("link", { name: /^Pay .* now$/ }).click();
  await applicant.getByRole("button", { name: /^Pay .* now$/ }).click();
  await expect(applicant.getByText("Paid", { exact: false }).first()).toBeVisible();

  // The lookup answers the same through either instance (bypassing nginx on purpose).
  for (const index of [0, 1])
    expect((await lookUpThrough(request, instanceUrl(index), number)).number).toBe(number);

  // The reviewer signs in on their own browser, claims and asks for a supplement.
  const staffContext = await newContext(browser, baseURL);
  const staff = await staffContext.newPage();
  await staff.goto("/signin?callbackUrl=%2Fconsole");
  await signIn(staff, reviewer.email, reviewer.password);
  const workspace = new WorkspacePage(staff);
  await workspace.goto(number);
  await expect(workspace.heading(number)).toBeVisible();
  await workspace.claim();
  // The evidence uploaded through one instance is there for staff on both.
  const evidenceLink = workspace.page.getByRole("link", { name: "passport.pdf" }).first();
  const evidencePath = new URL((await evidenceLink.getAttribute("href"))!, baseURL).pathname;
  const cookies = await staffContext.cookies();
  const cookieHeader = cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");
  for (const index of [0, 1]) {
    const response = await request.get(`${instanceUrl(index)}${evidencePath}`, {
      headers: { cookie: cookieHeader },
    });
    expect(response.status(), `evidence through instance ${index + 1}`).toBe(200);
    expect(Buffer.compare(await response.body(), PDF)).toBe(0);
  }
  await workspace.advanceTo("Material check");
  await workspace.requestSupplement({
    problem: "The photo page is cut off",
    fix: "Scan the whole page",
    note: "Please send the whole page.",
    internalNote: "Cut at the machine-readable zone.",
  });

  // Halfway: instance 1 gets SIGTERM (a rolling restart would do this). The journey goes on.
  process.kill(state.instances[0]!.pid, "SIGTERM");

  await casePage.goto(number);
  await expect(casePage.supplementRequest).toBeVisible();
  await casePage.answerSupplement({
    note: "Here is the whole page.",
    file: {
      name: "passport-full.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.concat([PDF, Buffer.from("full")]),
    },
  });

  await workspace.goto(number);
  await expect(workspace.facts).toContainText("Material check");
  await workspace.advanceTo("Substantive review");
  await workspace.advanceTo("Decision");
  await expect(workspace.facts).toContainText("Paid");
  await workspace.approve();
  await expect(workspace.facts).toContainText("Approved");
  await casePage.goto(number);
  await expect(casePage.history.getByText(/^Approved · /).first()).toBeVisible();
  await applicant.goto("/track");
  await expect(applicant.getByRole("heading", { level: 1 })).toBeVisible();
  expect((await lookUpThrough(request, instanceUrl(1), number)).number).toBe(number);

  // Both instances answered Server Actions (POSTs) during the journey.
  const [first, second] = state.instances.map((instance) => `127.0.0.1:${instance.port}`);
  const actionUpstreams = upstreamsOf("POST", /^\/(portal|console|register|signin)/);
  expect(actionUpstreams).toContain(first);
  expect(actionUpstreams).toContain(second);

  // Every notification was sent exactly once: the outbox drains, and no Message-ID arrived twice.
  await expect
    .poll(async () => (await callData("emailOutbox")).waiting, { timeout: 60_000, intervals: [1_000] })
    .toBe(0);
  const outbox = await callData("emailOutbox");
  expect(outbox.failed).toBe(0);
  const received = mails().map((mail) => mail.messageId);
  expect(new Set(received).size, "no email arrived twice").toBe(received.length);
  expect(received.map((id) => /^<([0-9a-f-]+)@/.exec(id)?.[1]).sort()).toEqual([...outbox.sentIds].sort());
  expect(mails().some((mail) => mail.to.includes(email) && mail.text.includes(number))).toBe(true);

  // The stopped instance finished what it had and exited cleanly; the user saw no error.
  await expect
    .poll(() => exits().find((exit) => exit.name === "app-1"), { timeout: 30_000 })
    .toEqual({
      name: "app-1",
      code: 0,
      signal: null,
    });

  await applicantContext.close();
  await staffContext.close();
});
