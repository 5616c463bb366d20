// Inputs that take no typed text: a letter pressed on them is free to be a shortcut.
const NON_TEXT_INPUTS = new Set([
  "checkbox",
  "radio",
  "button",
  "submit",
  "reset",
  "file",
  "color",
  "range",
  "image",
]);

/** Whether a key pressed on this element is typing (so not a single-letter shortcut). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  // A select jumps to options by their first letter, so it counts as typing too.
  if (
    target.isContentEditable ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  )
    return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}
