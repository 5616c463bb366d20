/**
 * The queue's keyboard shortcuts, as a pure decision so the rules are tested without a browser:
 * j / k (and ↓ / ↑ on a row) move the selection, Enter opens it, / goes to search, ? shows the help.
 */
export type QueueKeyAction = "next" | "previous" | "open" | "search" | "help" | "close";

/**
 * Where the key was pressed: typing in a field, on a queue row's link, on another control
 * (button, link, select), or nowhere in particular (the page itself).
 */
export type KeyTarget = "typing" | "row" | "control" | "page";

export type QueueKeyInput = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Mid-composition in an input method (pinyin): the key belongs to the IME. */
  isComposing: boolean;
  target: KeyTarget;
  helpOpen: boolean;
};

export function queueKeyAction(input: QueueKeyInput): QueueKeyAction | null {
  // Browser and system shortcuts (Ctrl+K, Cmd+J …) are never ours; typed text never is either.
  if (input.ctrlKey || input.metaKey || input.altKey || input.isComposing || input.target === "typing")
    return null;
  switch (input.key) {
    case "j":
      return "next";
    case "k":
      return "previous";
    // Arrows only on a row: elsewhere they scroll the page, which people expect to keep working.
    case "ArrowDown":
      return input.target === "row" ? "next" : null;
    case "ArrowUp":
      return input.target === "row" ? "previous" : null;
    // On a row link or a button, Enter already does what that element does.
    case "Enter":
      return input.target === "page" ? "open" : null;
    case "/":
      return "search";
    case "?":
      return "help";
    case "Escape":
      return input.helpOpen ? "close" : null;
    default:
      return null;
  }
}

/** The next selected row: j/k stop at the ends; the first press of either selects the first row. */
export function moveSelection(current: number, action: "next" | "previous", count: number): number {
  if (count === 0) return -1;
  if (current < 0) return 0;
  return action === "next" ? Math.min(current + 1, count - 1) : Math.max(current - 1, 0);
}
