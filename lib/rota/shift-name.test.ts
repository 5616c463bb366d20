import { describe, expect, it } from "vitest";
import { shiftName, standardShiftOf } from "./shift-name";

describe("shiftName", () => {
  it("shows a standard shift in the viewer's language, whichever language it was stored in", () => {
    expect(shiftName("夜班", "en")).toBe("Night");
    expect(shiftName("Night", "zh")).toBe("夜班");
    expect(shiftName("白班", "zh")).toBe("白班");
    expect(shiftName("evening", "en")).toBe("Evening");
  });

  it("shows the former bilingual demo names in one language", () => {
    expect(shiftName("夜班 Night", "zh")).toBe("夜班");
    expect(shiftName("夜班 Night", "en")).toBe("Night");
    expect(shiftName("白班  Day ", "en")).toBe("Day");
    expect(shiftName("晚班 Evening", "zh")).toBe("晚班");
  });

  it("keeps a name of the supervisor's own as typed", () => {
    expect(shiftName("周末加班", "en")).toBe("周末加班");
    expect(shiftName("Weekend cover", "zh")).toBe("Weekend cover");
    expect(standardShiftOf("Night owl")).toBeNull();
  });
});
