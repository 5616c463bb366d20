import { describe, expect, it } from "vitest";
import { registerSchema } from "./schema";

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

  it("rejects weak passwords with specific keys", () => {
    expect(firstError({ ...valid, password: "short1", confirmPassword: "short1" }, "password")).toBe(
      "validation.passwordTooShort",
    );
    expect(
      firstError({ ...valid, password: "onlyletterslong", confirmPassword: "onlyletterslong" }, "password"),
    ).toBe("validation.passwordNeedsLetterAndDigit");
    expect(
      firstError({ ...valid, password: "1234567890123", confirmPassword: "1234567890123" }, "password"),
    ).toBe("validation.passwordNeedsLetterAndDigit");
  });

  it("rejects a mismatched confirmation and a bad email", () => {
    expect(firstError({ ...valid, confirmPassword: "different 42x" }, "confirmPassword")).toBe(
      "validation.passwordsDiffer",
    );
    expect(firstError({ ...valid, email: "not-an-email" }, "email")).toBe("validation.emailInvalid");
    expect(firstError({ ...valid, displayName: "   " }, "displayName")).toBe("validation.required");
  });
});
