import { expect, type Page } from "@playwright/test";
import { formatApplicationNumber } from "../../lib/applications/application-number";
import type { UploadFile } from "./application-form";

/** A case's workspace (/console/cases/<number>), by its English texts (workspace.json, case.json). */
export class WorkspacePage {
  constructor(readonly page: Page) {}

  get facts() {
    return this.page.getByRole("region", { name: "Case facts" });
  }
  /** The shared live region that says what the last action did. */
  get actions() {
    return this.page.getByRole("region", { name: "Actions" });
  }
  get timeline() {
    return this.page.getByRole("region", { name: "Timeline" });
  }
  get supplements() {
    return this.page.getByRole("region", { name: "Supplement requests" });
  }
  get claimButton() {
    return this.page.getByRole("button", { name: "Claim this case" });
  }
  get changedElsewhere() {
    return this.page.getByText("This case was changed by someone else.");
  }

  async goto(number: string) {
    await this.page.goto(`/console/cases/${number}`);
  }

  heading(number: string) {
    return this.page.getByRole("heading", { name: `Case ${formatApplicationNumber(number)}`, level: 1 });
  }

  advanceButton(node: string | RegExp) {
    return this.page.getByRole("button", { name: typeof node === "string" ? `Advance to ${node}` : node });
  }

  /** Waits for the live region to say `message`: the action is done. */
  async expectDone(message: string) {
    await expect(this.actions.getByText(message)).toBeVisible();
  }

  async claim() {
    await this.claimButton.click();
    await this.expectDone("You claimed the case.");
  }

  async advanceTo(node: string) {
    await this.advanceButton(node).click();
    await this.expectDone(`The case moved on to ${node}.`);
  }

  async requestSupplement(request: { problem: string; fix: string; note: string; internalNote: string }) {
    // The due time is prefilled (tomorrow) once the form is live.
    await expect(this.page.getByLabel("Answer due")).not.toHaveValue("");
    await this.page.getByLabel("Problem 1", { exact: true }).fill(request.problem);
    await this.page.getByLabel("How to fix problem 1 (optional)").fill(request.fix);
    const form = this.page.getByRole("region", { name: "Request a supplement" });
    await form.getByLabel("Note to the applicant (optional)").fill(request.note);
    await form.getByLabel("Internal note (optional)").fill(request.internalNote);
    await this.page.getByRole("button", { name: "Send request" }).click();
    await this.expectDone("The supplement request was sent to the applicant.");
  }

  async reloadAfterChange() {
    await this.page.getByRole("button", { name: "Reload" }).click();
    await expect(this.changedElsewhere).toHaveCount(0);
  }

  async recordPayment(reference: string) {
    await this.page.getByLabel("Payment reference").fill(reference);
    await this.page.getByRole("button", { name: "Record payment" }).click();
    await this.expectDone("The payment was recorded.");
  }

  async approve() {
    await this.page.getByRole("button", { name: "Approve…" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Approve this case?" });
    await dialog.getByRole("button", { name: "Yes, approve" }).click();
    await expect(dialog).toBeHidden();
    await this.expectDone("The case was approved.");
  }

  async uploadResult(file: UploadFile) {
    await this.page.getByLabel("Result document file").setInputFiles(file);
    await this.page.getByRole("button", { name: "Upload", exact: true }).click();
    await this.expectDone("The result document was uploaded.");
  }

  async issueResult() {
    await this.page.getByRole("button", { name: "Mark document issued…" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Issue the result document?" });
    await dialog.getByRole("button", { name: "Yes, mark issued" }).click();
    await expect(dialog).toBeHidden();
    await this.expectDone("The document was issued and the case is completed.");
  }

  async assign(assigneeId: string, internalNote: string) {
    await this.page.getByLabel("Assign to").selectOption(assigneeId);
    await this.page
      .getByRole("region", { name: "Assign" })
      .getByLabel("Internal note (optional)")
      .fill(internalNote);
    await this.page.getByRole("button", { name: "Assign", exact: true }).click();
    await this.expectDone("The assignment was saved.");
  }
}
