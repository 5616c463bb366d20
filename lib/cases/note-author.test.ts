import { describe, expect, it } from "vitest";
import { noteAuthorOf } from "./note-author";

describe("noteAuthorOf", () => {
  it("tells the applicant's own words from staff's and the system's", () => {
    expect(noteAuthorOf({ name: "王小明", staff: false, role: "APPLICANT" })).toEqual({
      kind: "applicant",
      name: "王小明",
    });
    expect(noteAuthorOf({ name: "Rita", staff: true, role: "REVIEWER" })).toEqual({
      kind: "staff",
      name: "Rita",
      role: "REVIEWER",
    });
    expect(noteAuthorOf(null)).toEqual({ kind: "system" });
  });
});
