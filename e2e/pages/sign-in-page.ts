import type { Page } from "@playwright/test";

/** /signin, in either language (for the tests about signing in; the others sign in with the `login` fixture). */
export class SignInPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/signin");
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel(/^(Email|电子邮箱)$/).fill(email);
    await this.page.getByLabel(/^(Password|密码)$/).fill(password);
    await this.page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
  }
}
