import { useEffect, useEffectEvent } from "react";
import { isTypingTarget } from "@/components/ui/is-typing";
import { useHydrated } from "@/components/ui/use-hydrated";
import { queueKeyAction, type KeyTarget, type QueueKeyAction } from "@/lib/console/queue-keys";

/** Marks the link of each queue row, so a key pressed on one counts as pressed "on a row". */
export const QUEUE_ROW_ATTRIBUTE = "data-queue-row";

function targetOf(node: EventTarget | null): KeyTarget {
  if (!(node instanceof HTMLElement) || node === document.body) return "page";
  if (isTypingTarget(node)) return "typing";
  if (node.hasAttribute(QUEUE_ROW_ATTRIBUTE)) return "row";
  return "control";
}

/** The keys, as aria-keyshortcuts says them. */
export const QUEUE_KEY_SHORTCUTS = "j k Enter / ?";

/**
 * Listens on the whole page (the shortcuts work wherever focus is, except while typing). Returns
 * whether the listener is on: until the page is interactive the keys do nothing, so the table
 * announces them (aria-keyshortcuts) only from then.
 */
export function useQueueKeyboard(onAction: (action: QueueKeyAction) => void, helpOpen: boolean): boolean {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const action = queueKeyAction({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      isComposing: event.isComposing,
      target: targetOf(event.target),
      helpOpen,
    });
    if (!action) return;
    // "/" would otherwise be typed into the search field it focuses, and arrows would scroll.
    event.preventDefault();
    onAction(action);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener("keydown", listener);
    return () => window.removeEventListener("keydown", listener);
  }, []);
  // The listener is attached in the hydration commit, before the hydrated re-render.
  return useHydrated();
}
