import { createTranslator } from "next-intl";
import { loadMessages } from "@/lib/i18n/messages";
import { systemNoteText, type SystemNote } from "./system-notes";

/** A system note as a reader of `locale` sees it, through the real message files and the same renderer as the history. */
export async function renderSystemNote(note: SystemNote, locale: "zh" | "en") {
  const t = createTranslator({
    locale,
    messages: await loadMessages(locale),
    namespace: "workspace.systemNotes",
  });
  return systemNoteText(note, (key, values) => t(key as never, values as never));
}
