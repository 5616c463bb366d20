import { z } from "zod";
import type { UrgencyTier } from "@/lib/catalog/tiers";

/**
 * Notes the server writes on a timeline event by itself (auto-assignment, handover) are stored as a
 * message key and its parameters, never as text: each reader sees them in their own language.
 * Parameters are snapshots (the assignee's name as it was then), so a later rename does not rewrite history.
 * Their messages are in the systemNotes section of lib/i18n/messages/<locale>/workspace.json.
 */
const name = z.string().min(1).max(200);
const tier = z.enum(["STANDARD", "URGENT", "EXPRESS"]);

export const systemNoteSchema = z.discriminatedUnion("key", [
  z.object({ key: z.literal("autoAssigned"), params: z.object({ name }) }),
  z.object({ key: z.literal("handedOver"), params: z.object({ name, note: z.string().max(4000) }) }),
  z.object({ key: z.literal("rebalanced"), params: z.object({ name, note: z.string().max(4000) }) }),
  // A supplement's due time passed unanswered, and staff's three answers to it (decision 034).
  z.object({ key: z.literal("supplementLapsed"), params: z.object({}) }),
  z.object({ key: z.literal("supplementExtended"), params: z.object({}) }),
  z.object({ key: z.literal("supplementWaived"), params: z.object({}) }),
  z.object({ key: z.literal("supplementNotProvided"), params: z.object({}) }),
  // A tier change (decision 032): the tiers as enum values, named in the reader's language by the message.
  z.object({ key: z.literal("tierChanged"), params: z.object({ from: tier, to: tier }) }),
  // A refund the system paid out (lib/payments/refund-execution-mutations.ts).
  z.object({
    key: z.literal("refunded"),
    params: z.object({ cause: z.enum(["MISSED_PROMISE", "WITHDRAWN", "DOWNGRADED", "WAIVED", "MANUAL"]) }),
  }),
]);
export type StoredSystemNote = z.infer<typeof systemNoteSchema>;
/** A key this build does not know (a newer writer, a hand-edited row) still reads as an automatic note. */
export type SystemNote = StoredSystemNote | { key: "other"; params: Record<string, never> };
export type SystemNoteKey = SystemNote["key"];

export const autoAssignedNote = (assigneeName: string): StoredSystemNote => ({
  key: "autoAssigned",
  params: { name: assigneeName },
});

/** The shared handover note, then the outgoing reviewer's note for this one case, when there is one. */
export const handedOverNote = (assigneeName: string, note: string, caseNote = ""): StoredSystemNote => ({
  key: "handedOver",
  params: { name: assigneeName, note: caseNote ? `${note}\n${caseNote}` : note },
});

export const rebalancedNote = (assigneeName: string, note: string): StoredSystemNote => ({
  key: "rebalanced",
  params: { name: assigneeName, note },
});

export const tierChangedNote = (from: UrgencyTier, to: UrgencyTier): StoredSystemNote => ({
  key: "tierChanged",
  params: { from, to },
});

/**
 * Rows from before the key column hold the two notes as fixed bilingual text. The timeline is
 * append-only (a trigger refuses UPDATE), so they are recognised when read, by their exact shape;
 * the backreference insists on the same name twice, so a note a person typed is left alone.
 */
const LEGACY: { pattern: RegExp; read: (match: RegExpExecArray) => StoredSystemNote }[] = [
  {
    pattern: /^值班自动分配给 (.+) · Assigned automatically to \1 \(on duty\)$/s,
    read: (match) => autoAssignedNote(match[1]!),
  },
  {
    pattern: /^交接给 (.+?) · Handed over to \1 at the end of the shift: (.*)$/s,
    read: (match) => handedOverNote(match[1]!, match[2]!),
  },
];

/**
 * A timeline row's note as staff read it: the system note (stored as key + parameters, or legacy
 * bilingual text recognised here) and whatever a person typed. An unknown key is still a note.
 */
export function readNotes(row: {
  noteKey: string | null;
  noteParams: unknown;
  internalNote: string | null;
}): {
  systemNote: SystemNote | null;
  internalNote: string | null;
} {
  if (row.noteKey) {
    const parsed = systemNoteSchema.safeParse({ key: row.noteKey, params: row.noteParams ?? {} });
    return {
      systemNote: parsed.success ? parsed.data : { key: "other", params: {} },
      internalNote: row.internalNote,
    };
  }
  for (const legacy of LEGACY) {
    const match = row.internalNote ? legacy.pattern.exec(row.internalNote) : null;
    if (match) return { systemNote: legacy.read(match), internalNote: null };
  }
  return { systemNote: null, internalNote: row.internalNote };
}

/** The columns to write for a note. */
export const systemNoteColumns = (note: StoredSystemNote) => ({
  noteKey: note.key,
  noteParams: note.params,
});

/** The note in the reader's language; `t` translates within the system notes section. */
export function systemNoteText(
  note: SystemNote,
  t: (key: SystemNoteKey, values: Record<string, string>) => string,
) {
  return t(note.key, note.params);
}
