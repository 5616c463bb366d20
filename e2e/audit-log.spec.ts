import { randomUUID } from "node:crypto";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import {
  autoAssignCase,
  createService,
  createShiftAround,
  createSubmittedCase,
  createUser,
  expect,
  handleService,
  test,
} from "./fixtures";

// Texts from lib/i18n/messages/{zh,en}/workspace.json (systemNotes) and admin.json (audit).
test.use({ locale: "zh-CN" });

test("an automatic assignment reads in one language per page, and the audit log names it, the case and the person", async ({
  page,
  login,
}) => {
  test.setTimeout(90_000);
  const suffix = randomUUID().slice(0, 4);
  const service = await createService("e2e-audit");
  const reviewer = await createUser("REVIEWER", { displayName: `王芳${suffix}` });
  await handleService(reviewer.id, service.id);
  await createShiftAround([reviewer.id], -60, 60);
  const number = await createSubmittedCase((await createUser("APPLICANT")).id, service.code);
  await autoAssignCase(number);

  const admin = await createUser("ADMIN");
  await login(admin);
  await page.goto(`/console/cases/${number}`);
  const history = page.getByRole("region", { name: "办理记录" });
  await expect(history.getByText(`已按值班自动分配给 王芳${suffix}。`)).toBeVisible();
  await expect(history).not.toContainText("Assigned automatically");

  await page.getByRole("button", { name: "English" }).click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText(`Assigned automatically to 王芳${suffix}, who is on duty.`)).toBeVisible();
  await expect(timeline).not.toContainText("值班");

  // The audit log, back in Chinese: the action, the case and the person in words, with links; no ids, no codes.
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("region", { name: "办理记录" })).toBeVisible();
  await page.goto(`/console/admin/audit?entityId=${number}`);
  const log = page.getByRole("table", { name: "审计日志记录" });
  const row = log.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "按值班自动分配" }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole("link", { name: formatApplicationNumber(number), exact: true })).toHaveAttribute(
    "href",
    `/console/cases/${number}`,
  );
  await expect(row.getByRole("link", { name: `王芳${suffix}`, exact: true })).toHaveAttribute(
    "href",
    `/console/admin/staff/${reviewer.id}`,
  );
  await expect(row).toContainText("原因：新案件");
  await expect(row).not.toContainText("rota.autoAssigned");
  await expect(row).not.toContainText("null");

  // Filters offer people and actions by name.
  await page.getByLabel("人员", { exact: true }).selectOption({ label: `王芳${suffix}（审核员）` });
  await page.getByLabel("操作", { exact: true }).selectOption({ label: "排班：按值班自动分配" });
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`actorId=${reviewer.id}`));
  await expect(page.getByText("没有符合筛选条件的记录。")).toBeVisible();
});
