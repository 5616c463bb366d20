import {
  QueuePage,
  WorkspacePage,
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

test("the review queue and a case workspace fit a tablet", async ({ page, login }) => {
  const service = await createService("e2e-tablet");
  const applicant = await createUser("APPLICANT");
  const number = await createSubmittedCase(applicant.id, service.code, "URGENT");
  const reviewer = await createUser("REVIEWER");
  await handleService(reviewer.id, service.id);

  await login(reviewer);
  const queue = new QueuePage(page);
  await queue.goto();
  await expect(queue.table).toBeVisible();
  await expectNoSidewaysScroll(page);

  const workspace = new WorkspacePage(page);
  await workspace.goto(number);
  await expect(workspace.heading(number)).toBeVisible();
  await expect(workspace.claimButton).toBeVisible();
  await expectNoSidewaysScroll(page);
});
