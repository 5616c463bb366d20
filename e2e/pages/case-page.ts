import { expect, type Page } from "@playwright/test";
import type { UploadFile } from "./application-form";

/** The applicant's case page (/portal/applications/<number>), by its English texts (case.json). */
export class CasePage {
  constructor(readonly page: Page) {}

  get progress() {
    return this.page.getByRole("progressbar", { name: "Progress of the application" });
  }
  /** The timeline's current step: the progress list marks it with aria-current="step", which has no role query. */
  get currentStep() {
    return this.page.locator('li[aria-current="step"]');
  }
  get supplementRequest() {
    return this.page.getByRole("heading", { name: "Material needed from you" });
  }
  get history() {
    return this.page.getByRole("region", { name: "History" });
  }
  get withdrawButton() {
    return this.page.getByRole("button", { name: "Withdraw application" });
  }
  get withdrawDialog() {
    return this.page.getByRole("dialog", { name: "Withdraw this application?" });
  }

  async goto(number: string) {
    await this.page.goto(`/portal/applications/${number}`);
  }

  /** Opens a step of the timeline and answers its details. */
  async openStep(name: string) {
    await this.page.getByRole("button", { name }).first().click();
    return this.page.getByRole("region", { name: `Details: ${name}` }).first();
  }

  /** Answers the open supplement request with a note and a file. */
  async answerSupplement({ note, file }: { note?: string; file: UploadFile }) {
    if (note !== undefined) await this.page.getByLabel("Note").fill(note);
    await this.page.getByLabel("Add files for “Additional files”").setInputFiles(file);
    await expect(this.page.getByRole("button", { name: `Remove ${file.name}` })).toBeVisible();
    await this.page.getByRole("button", { name: "Send answer" }).click();
    await expect(this.supplementRequest).toHaveCount(0);
  }

  async withdraw(reason: string) {
    await this.withdrawButton.click();
    await this.withdrawDialog.getByLabel("Reason (optional)").fill(reason);
    await this.withdrawDialog.getByRole("button", { name: "Yes, withdraw" }).click();
  }

  async askToHurry() {
    await this.page.getByRole("button", { name: "Ask staff to hurry" }).click();
  }
}
