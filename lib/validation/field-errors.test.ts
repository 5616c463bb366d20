import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, firstErrors, topLevelField, wholePath } from "./field-errors";

const schema = z.object({
  name: z
    .string()
    .min(2, "validation.tooShort")
    .regex(/^[a-z]+$/, "validation.lettersOnly"),
  targets: z.object({ EXPRESS: z.number("validation.number") }),
  ids: z.array(z.uuid("validation.id")),
});

const error = schema.safeParse({ name: "1", targets: {}, ids: ["x"] }).error!;

describe("fieldErrorsOf", () => {
  it("groups every message under its top-level field by default", () => {
    expect(fieldErrorsOf(error)).toEqual({
      name: ["validation.tooShort", "validation.lettersOnly"],
      targets: ["validation.number"],
      ids: ["validation.id"],
    });
    expect(fieldErrorsOf(error, topLevelField)).toEqual(fieldErrorsOf(error));
  });

  it("keys by the whole path for nested form fields, and puts path-less issues under form", () => {
    expect(fieldErrorsOf(error, wholePath)).toEqual({
      name: ["validation.tooShort", "validation.lettersOnly"],
      "targets.EXPRESS": ["validation.number"],
      "ids.0": ["validation.id"],
    });
    expect(fieldErrorsOf(z.string("validation.required").safeParse(1).error!)).toEqual({
      form: ["validation.required"],
    });
  });

  it("keeps the first message of each field for one-message inputs", () => {
    expect(firstErrors(fieldErrorsOf(error))).toEqual({
      name: "validation.tooShort",
      targets: "validation.number",
      ids: "validation.id",
    });
  });
});
