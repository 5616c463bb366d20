import { describe, expect, it } from "vitest";
import {
  autoAssignedNote,
  handedOverNote,
  readNotes,
  systemNoteColumns,
  tierChangedNote,
} from "./system-notes";
import { renderSystemNote } from "./system-notes.fixtures";

const LATIN = /[A-Za-z]/;
const HAN = /\p{Script=Han}/u;

describe("system notes", () => {
  it("render an auto-assignment in one language per reader", async () => {
    const note = autoAssignedNote("王芳");
    const zh = await renderSystemNote(note, "zh");
    const en = await renderSystemNote(note, "en");
    expect(zh).toContain("王芳");
    expect(zh).not.toMatch(LATIN);
    expect(en).toContain("Assigned automatically to 王芳");
    expect(en.replace("王芳", "")).not.toMatch(HAN);
  });

  it("render a handover with the outgoing reviewer's own words as they were typed", async () => {
    const note = handedOverNote("Amy Lee", "Call the applicant at 9.");
    const zh = await renderSystemNote(note, "zh");
    expect(zh).toContain("Amy Lee");
    expect(zh).toContain("Call the applicant at 9.");
    expect(zh.replace("Amy Lee", "").replace("Call the applicant at 9.", "")).not.toMatch(LATIN);
    expect(await renderSystemNote(note, "en")).not.toMatch(HAN);
  });

  it("render a tier change with both tiers named in the reader's language", async () => {
    const note = tierChangedNote("EXPRESS", "STANDARD");
    expect(await renderSystemNote(note, "en")).toBe("Tier changed from “Express” to “Standard”.");
    expect(await renderSystemNote(note, "zh")).toBe("办理档次由“特急”改为“普通”。");
    expect(readNotes({ ...systemNoteColumns(note), internalNote: null }).systemNote).toEqual(note);
  });

  it("round-trip through the stored columns; no key is no note; an unknown key still reads as a note", async () => {
    const note = autoAssignedNote("王芳");
    const read = (
      columns: { noteKey: string | null; noteParams: unknown },
      internalNote: string | null = null,
    ) => readNotes({ ...columns, internalNote });
    expect(read(systemNoteColumns(note))).toEqual({ systemNote: note, internalNote: null });
    expect(read({ noteKey: null, noteParams: null }, "typed")).toEqual({
      systemNote: null,
      internalNote: "typed",
    });
    const future = read({ noteKey: "slaEscalated", noteParams: { level: 2 } }).systemNote;
    expect(future).toEqual({ key: "other", params: {} });
    expect(await renderSystemNote(future!, "en")).toBe("Automatic note.");
    // Known key, broken parameters: the same fallback, never a raw key or a crash.
    expect(read({ noteKey: "autoAssigned", noteParams: { nom: 1 } }).systemNote).toEqual({
      key: "other",
      params: {},
    });
  });

  it("recognise the bilingual text older rows hold, and leave a note a person typed alone", async () => {
    const legacy = (internalNote: string) => readNotes({ noteKey: null, noteParams: null, internalNote });
    expect(legacy("值班自动分配给 王 芳 · Assigned automatically to 王 芳 (on duty)")).toEqual({
      systemNote: autoAssignedNote("王 芳"),
      internalNote: null,
    });
    const handover = legacy(
      "交接给 Amy · Handed over to Amy at the end of the shift: Call at 9: she is · awake\nSecond line",
    );
    expect(handover).toEqual({
      systemNote: handedOverNote("Amy", "Call at 9: she is · awake\nSecond line"),
      internalNote: null,
    });
    expect(await renderSystemNote(handover.systemNote!, "zh")).toBe(
      "班次结束，已交接给 Amy。交接说明：Call at 9: she is · awake\nSecond line",
    );
    for (const typed of [
      "值班自动分配给 everyone, says the applicant",
      "值班自动分配给 A · Assigned automatically to B (on duty)",
    ])
      expect(legacy(typed)).toEqual({ systemNote: null, internalNote: typed });
  });
});
