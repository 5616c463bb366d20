import { describe, expect, it } from "vitest";
import { registerSchema, signInSchema } from "./schema";

const valid = {
  displayName: "Li Lei",
  email: "  Li.Lei@Example.COM ",
  password: "correct horse 42",
  confirmPassword: "correct horse 42",
};

function firstError(input: object, field: string) {
  const result = registerSchema.safeParse(input);
  if (result.success) return undefined;
  return result.error.issues.find((issue) => issue.path[0] === field)?.message;
}

describe("registerSchema", () => {
  it("accepts a valid registration and normalizes the email", () => {
    const result = registerSchema.parse(valid);
    expect(result.email).toBe("li.lei@example.com");
  });

  it("counts a password's length in characters (code points), 12 to 128", () => {
    const withPassword = (password: string) => ({ ...valid, password, confirmPassword: password });
    expect(firstError(withPassword("eleven char"), "password")).toBe("validation.passwordTooShort");
    // 𠀀 is one character outside the BMP: two UTF-16 units, which must not count twice.
    expect(firstError(withPassword("𠀀".repeat(11)), "password")).toBe("validation.passwordTooShort");
    expect(firstError(withPassword("我的猫咪喜欢在阳光下睡午"), "password")).toBeUndefined();
    expect(firstError(withPassword("𠀀".repeat(128)), "password")).toBeUndefined();
    expect(firstError(withPassword("𠀀".repeat(129)), "password")).toBe("validation.passwordTooLong");
    // No composition rules: guessability is judged on the server (password-strength.ts).
    expect(firstError(withPassword("onlyletterslong"), "password")).toBeUndefined();
  });

  it("lets every password that registration accepts sign in", () => {
    const longest = "𠀀".repeat(128);
    expect(signInSchema.safeParse({ email: "a@example.com", password: longest }).success).toBe(true);
  });

  it("rejects a mismatched confirmation and a bad email", () => {
    expect(firstError({ ...valid, confirmPassword: "different 42x" }, "confirmPassword")).toBe(
      "validation.passwordsDiffer",
    );
    expect(firstError({ ...valid, email: "not-an-email" }, "email")).toBe("validation.emailInvalid");
    expect(firstError({ ...valid, displayName: "   " }, "displayName")).toBe("validation.required");
  });
});
