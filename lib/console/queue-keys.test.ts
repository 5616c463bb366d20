import { describe, expect, it } from "vitest";
import { moveSelection, queueKeyAction, type QueueKeyInput } from "./queue-keys";

const press = (key: string, change: Partial<QueueKeyInput> = {}) =>
  queueKeyAction({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    isComposing: false,
    target: "page",
    helpOpen: false,
    ...change,
  });

describe("queueKeyAction", () => {
  it("maps the shortcuts", () => {
    expect([press("j"), press("k"), press("/"), press("?"), press("Enter")]).toEqual([
      "next",
      "previous",
      "search",
      "help",
      "open",
    ]);
  });

  it("never fires while typing in a field, or while an input method composes", () => {
    for (const key of ["j", "k", "/", "?", "Enter", "Escape", "ArrowDown"]) {
      expect(press(key, { target: "typing", helpOpen: true })).toBeNull();
      expect(press(key, { isComposing: true, helpOpen: true })).toBeNull();
    }
  });

  it("leaves modified keys and capitals to the browser", () => {
    expect(press("j", { ctrlKey: true })).toBeNull();
    expect(press("k", { metaKey: true })).toBeNull();
    expect(press("/", { altKey: true })).toBeNull();
    expect(press("J")).toBeNull();
  });

  it("moves with the arrows only on a row, so the page still scrolls elsewhere", () => {
    expect(press("ArrowDown", { target: "row" })).toBe("next");
    expect(press("ArrowUp", { target: "row" })).toBe("previous");
    expect(press("ArrowDown")).toBeNull();
    expect(press("ArrowUp", { target: "control" })).toBeNull();
  });

  it("lets Enter do its own job on links and buttons", () => {
    expect(press("Enter", { target: "row" })).toBeNull();
    expect(press("Enter", { target: "control" })).toBeNull();
  });

  it("closes the help with Escape only when it is open", () => {
    expect(press("Escape", { helpOpen: true })).toBe("close");
    expect(press("Escape")).toBeNull();
  });

  it("works from other controls too", () => {
    expect(press("j", { target: "control" })).toBe("next");
    expect(press("/", { target: "row" })).toBe("search");
  });
});

describe("moveSelection", () => {
  it("selects the first row on the first press, then moves and stops at the ends", () => {
    expect(moveSelection(-1, "next", 3)).toBe(0);
    expect(moveSelection(-1, "previous", 3)).toBe(0);
    expect(moveSelection(0, "next", 3)).toBe(1);
    expect(moveSelection(2, "next", 3)).toBe(2);
    expect(moveSelection(0, "previous", 3)).toBe(0);
    expect(moveSelection(-1, "next", 0)).toBe(-1);
  });
});
