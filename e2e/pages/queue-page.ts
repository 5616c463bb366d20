import type { Page } from "@playwright/test";

/** The review queue (/console), by its English texts (queue.json). */
export class QueuePage {
  constructor(readonly page: Page) {}

  get table() {
    return this.page.getByRole("table", { name: "Open cases, most urgent first" });
  }
  /** The header row, then one row per case. */
  get rows() {
    return this.table.getByRole("row");
  }
  get search() {
    return this.page.getByLabel("Search", { exact: true });
  }
  get overdueOnly() {
    return this.page.getByLabel("Overdue only");
  }
  get shortcuts() {
    return this.page.getByRole("region", { name: "Keyboard shortcuts" });
  }

  async goto() {
    await this.page.goto("/console");
  }

  /** The number link of the n-th case (1 is the most urgent). */
  caseLink(n: number) {
    return this.rows.nth(n).getByRole("link");
  }

  async applyFilters() {
    await this.page.getByRole("button", { name: "Apply filters" }).click();
  }

  async filter({ service, assignee }: { service?: string; assignee?: string }) {
    if (service !== undefined) await this.page.getByLabel("Service").selectOption({ label: service });
    if (assignee !== undefined) await this.page.getByLabel("Assignee").selectOption({ label: assignee });
    await this.applyFilters();
  }

  async searchFor(text: string) {
    await this.search.fill(text);
    await this.page.keyboard.press("Enter");
  }
}
