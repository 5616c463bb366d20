import { describe, expect, it } from "vitest";
import { auditQuerySchema, decodeCursor, encodeCursor, likeLiteral, zonedDayStart } from "./schema";

describe("zonedDayStart", () => {
  it("is midnight in the viewer's zone", () => {
    expect(zonedDayStart("2026-03-10", "Asia/Shanghai")!.toISOString()).toBe("2026-03-09T16:00:00.000Z");
    expect(zonedDayStart("2026-03-10", "UTC")!.toISOString()).toBe("2026-03-10T00:00:00.000Z");
    expect(zonedDayStart("2026-03-31", "Asia/Shanghai", 1)!.toISOString()).toBe("2026-03-31T16:00:00.000Z");
  });

  it("follows daylight saving time on both sides of the change", () => {
    // New York moves from UTC-5 to UTC-4 on 2026-03-08.
    expect(zonedDayStart("2026-03-08", "America/New_York")!.toISOString()).toBe("2026-03-08T05:00:00.000Z");
    expect(zonedDayStart("2026-03-09", "America/New_York")!.toISOString()).toBe("2026-03-09T04:00:00.000Z");
  });

  it("refuses days that do not exist", () => {
    expect(zonedDayStart("2026-02-30", "UTC")).toBeNull();
    expect(zonedDayStart("yesterday", "UTC")).toBeNull();
  });
});

describe("audit cursor", () => {
  it("round-trips and refuses anything else", () => {
    const cursor = { createdAt: new Date("2026-03-10T01:02:03.456Z"), id: 123456789012n };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const raw of [undefined, "", "x_1", "1_", "1_2_3", "99999999999999999_1"])
      expect(decodeCursor(raw)).toBeNull();
  });
});

describe("auditQuerySchema", () => {
  it("drops malformed parameters instead of failing", () => {
    expect(
      auditQuerySchema.parse({ action: " staff. ", from: "10/03/2026", to: "2026-03-11", actor: ["a", "b"] }),
    ).toEqual({
      actor: "",
      action: "staff.",
      entityType: "",
      entityId: "",
      from: undefined,
      to: "2026-03-11",
      before: undefined,
      after: undefined,
    });
  });
});

describe("likeLiteral", () => {
  it("escapes LIKE's wildcards and its escape character", () => {
    expect(likeLiteral("staff_x%\\y.")).toBe("staff\\_x\\%\\\\y.");
  });
});
