import { describe, expect, it } from "vitest";
import { rateServiceSchema } from "./schema";

const ID = "6f1c1a9e-2b5d-4c3e-9a7b-0d1e2f3a4b5c";

describe("rateServiceSchema", () => {
  it.each(["1", "2", "3", "4", "5"])("accepts %s", (rating) => {
    expect(rateServiceSchema.parse({ applicationId: ID, rating, comment: " Good " })).toEqual({
      applicationId: ID,
      rating: Number(rating),
      comment: "Good",
    });
  });

  it.each([undefined, "", "0", "6", "2.5", "five"])("refuses the rating %j with a message key", (rating) => {
    const result = rateServiceSchema.safeParse({ applicationId: ID, rating });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(["case.rating.pick"]);
  });

  it("treats an empty comment as none and refuses an overlong one", () => {
    expect(rateServiceSchema.parse({ applicationId: ID, rating: "3", comment: "" }).comment).toBeUndefined();
    expect(
      rateServiceSchema.safeParse({ applicationId: ID, rating: "3", comment: "x".repeat(1001) }).success,
    ).toBe(false);
  });
});
