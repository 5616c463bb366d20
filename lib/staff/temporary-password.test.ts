import { describe, expect, it } from "vitest";
import { staffPasswordSchema } from "./schema";
import { generateTemporaryPassword } from "./temporary-password";

describe("generateTemporaryPassword", () => {
  it("makes four groups of four unambiguous characters that pass the staff password rules", () => {
    for (let run = 0; run < 200; run++) {
      const password = generateTemporaryPassword();
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
      expect(staffPasswordSchema.safeParse(password).success).toBe(true);
    }
  });

  it("differs from call to call", () => {
    const seen = new Set(Array.from({ length: 50 }, () => generateTemporaryPassword()));
    expect(seen.size).toBe(50);
  });

  it("draws again when a draw has no digit (or no letter)", () => {
    // First 16 draws give only letters ("a"), the next ones alternate a letter and a digit.
    let call = 0;
    const pick = () => (call++ < 16 ? 0 : call % 2 === 0 ? 0 : 23);
    const password = generateTemporaryPassword(pick);
    expect(call).toBe(32);
    expect(password).toMatch(/[0-9]/);
  });
});
