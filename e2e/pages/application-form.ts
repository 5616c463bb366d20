import { expect, type Page } from "@playwright/test";

export type TriageAnswers = {
  ifLate: string;
  fixedDate: string;
  fixedDateOn?: string;
  healthOrSafety: "Yes" | "No";
  affected: string;
};

export type UploadFile = { name: string; mimeType: string; buffer: Buffer };

/** The application form (/portal/apply/<service>), by its English labels (lib/i18n/messages/en/apply.json). */
export class ApplicationForm {
  constructor(readonly page: Page) {}

  /** "This does not look urgent": the offer of the standard route. */
  get standardRouteOffer() {
    return this.page.getByRole("region", { name: "This does not look urgent" });
  }

  async goto(serviceCode: string) {
    await this.page.goto(`/portal/apply/${serviceCode}`);
  }

  /** From the service list (/portal/apply). */
  async chooseService(name: string) {
    await this.page.getByRole("link", { name: `Apply for ${name}` }).click();
  }

  tier(name: string) {
    return this.page.getByRole("radio", { name, exact: true });
  }

  async fillUrgency({ tier, neededBy, reason }: { tier: string; neededBy: string; reason: string }) {
    await this.tier(tier).check();
    await this.page.getByLabel("Needed by").fill(neededBy);
    await this.page.getByLabel("Why is it urgent?").fill(reason);
  }

  /** Answers "How urgent is it?". */
  async answerTriage(answers: TriageAnswers) {
    const question = (legend: string) => this.page.getByRole("group", { name: legend });
    await question("What happens if it is late?")
      .getByRole("radio", { name: answers.ifLate, exact: true })
      .check();
    await question("Is there a fixed appointment or travel date?")
      .getByRole("radio", { name: answers.fixedDate, exact: true })
      .check();
    if (answers.fixedDateOn)
      await this.page.getByLabel("Date of the appointment or journey").fill(answers.fixedDateOn);
    await question("Is anyone's health or safety involved?")
      .getByRole("radio", { name: answers.healthOrSafety, exact: true })
      .check();
    await question("Who is affected?").getByRole("radio", { name: answers.affected, exact: true }).check();
  }

  async fillApplicant(applicant: { fullName: string; idType: string; idNumber: string; phone: string }) {
    await this.page.getByLabel("Full name").fill(applicant.fullName);
    await this.page.getByRole("radio", { name: applicant.idType }).check();
    await this.page.getByLabel("ID number").fill(applicant.idNumber);
    await this.page.getByLabel("Mobile phone").fill(applicant.phone);
  }

  /** The file input of one evidence requirement. */
  filesFor(requirement: string) {
    return this.page.getByLabel(`Add files for “${requirement}”`);
  }

  /** Uploads and waits until the file is listed (uploaded, checked and kept with the draft). */
  async attach(requirement: string, file: UploadFile) {
    await this.filesFor(requirement).setInputFiles(file);
    await expect(this.page.getByRole("button", { name: `Remove ${file.name}` })).toBeVisible();
  }

  /** Reviews and submits; answers the new application's number. */
  async submit(): Promise<string> {
    await this.page.getByRole("button", { name: "Continue to review" }).click();
    await expect(this.page.getByRole("heading", { name: "Step 2 of 2: Check your answers" })).toBeVisible();
    await this.page.getByRole("button", { name: "Submit application" }).click();
    await expect(this.page.getByRole("heading", { name: "Application received" })).toBeVisible();
    const number = /\/portal\/applications\/(EX[0-9A-Z]{9})\/confirmation/.exec(this.page.url())?.[1];
    expect(number, "the confirmation page's URL names the application").toBeTruthy();
    return number!;
  }
}
