import { formatApplicationNumber } from "../lib/applications/application-number";
import {
  createService,
  createSubmittedCase,
  createUser,
  expect,
  expectNoSidewaysScroll,
  handleService,
  test,
} from "./fixtures";

// Staff work on tablets too: the console must not scroll sideways at 768 px (wide tables scroll
// inside their own box instead).
test.use({ viewport: { width: 768, height: 1024 } });

test("the review queue and a case workspace fit a tablet", async ({ page, signInPage }) => {
  const service = await createService("e2e-tablet");
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id, service.code, "URGENT");
  const reviewer = await createUser("REVIEWER");
  await handleService(reviewer.id, service.id);

  await signInPage.goto();
  await signInPage.signIn(reviewer.email, reviewer.password);
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByRole("table", { name: "Open cases, most urgent first" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto(`/console/cases/${number}`);
  await expect(
    page.getByRole("heading", { name: `Case ${formatApplicationNumber(number)}`, level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Claim this case" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
