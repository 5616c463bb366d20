import { describe, expect, it } from "vitest";
import { NotAuthorizedError } from "@/lib/errors";
import { assertArea } from "./viewer";

describe("assertArea", () => {
  it("lets the right roles through", () => {
    expect(() => assertArea({ id: "a", role: "APPLICANT" }, "portal")).not.toThrow();
    expect(() => assertArea({ id: "r", role: "REVIEWER" }, "console")).not.toThrow();
  });

  it("refuses anonymous viewers and wrong roles", () => {
    expect(() => assertArea(null, "portal")).toThrow(NotAuthorizedError);
    expect(() => assertArea({ id: "a", role: "APPLICANT" }, "console")).toThrow(NotAuthorizedError);
    expect(() => assertArea({ id: "r", role: "REVIEWER" }, "admin")).toThrow(NotAuthorizedError);
  });
});
