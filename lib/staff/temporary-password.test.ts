import { describe, expect, it } from "vitest";
import { newPasswordProblem } from "@/lib/auth/password-strength";
import { passwordSchema } from "@/lib/auth/schema";
import { generateTemporaryPassword } from "./temporary-password";

const owner = { email: "colleague@expedite.test", displayName: "A Colleague" };

describe("generateTemporaryPassword", () => {
  it("makes four groups of four unambiguous characters that pass the password rules", async () => {
    for (let run = 0; run < 200; run++) {
      const password = generateTemporaryPassword();
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
      expect(passwordSchema.safeParse(password).success).toBe(true);
      // The strength estimate takes tens of milliseconds: a sample is enough.
      if (run < 10) expect(await newPasswordProblem(password, owner)).toBeNull();
    }
  });

  it("differs from call to call", () => {
    const seen = new Set(Array.from({ length: 50 }, () => generateTemporaryPassword()));
    expect(seen.size).toBe(50);
  });
});
