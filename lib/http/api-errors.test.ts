import { describe, expect, it } from "vitest";
import { lookupSchema } from "@/lib/lookup/schema";
import { apiError, fieldProblems } from "./api-errors";

describe("API error codes", () => {
  it("answers a code with its status and details, never a translation key", async () => {
    const response = apiError("too_many_attempts", {
      details: { retryAfterSeconds: 60 },
      headers: { "Retry-After": "60" },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    expect(await response.json()).toEqual({ error: "too_many_attempts", retryAfterSeconds: 60 });
    expect(apiError("not_found").status).toBe(404);
  });

  it("maps each lookup field problem to its stable code", () => {
    const problems = (body: Record<string, unknown>) => fieldProblems(lookupSchema.safeParse(body).error!);
    expect(problems({})).toEqual({ number: "required", idType: "idTypeRequired", idNumber: "required" });
    expect(problems({ number: "EX123", idType: "CN_RESIDENT_ID", idNumber: "12345" })).toEqual({
      number: "format",
      idNumber: "format",
    });
    expect(
      problems({ number: "EX-012-345-67A", idType: "CN_RESIDENT_ID", idNumber: "11010519900307123X" }),
    ).toMatchObject({ number: "checkCharacter" });
    expect(
      problems({ number: "EX-012-345-67R", idType: "CN_RESIDENT_ID", idNumber: "110105199003071231" }),
    ).toMatchObject({ idNumber: "checksum" });
    for (const code of Object.values(problems({ number: "EX123", idType: "PASSPORT", idNumber: "" })))
      expect(code).not.toContain(".");
  });
});
