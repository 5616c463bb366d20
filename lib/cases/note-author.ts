import type { Role } from "@/lib/generated/prisma/enums";

export type NoteAuthor =
  { kind: "applicant"; name: string } | { kind: "staff"; name: string; role: Role } | { kind: "system" };

/**
 * Who wrote a timeline note: the applicant (their supplement answer, their withdrawal reason), a
 * staff member, or the system (no actor). The staff history labels every note by this and by its
 * audience, so an applicant's words never sit under a heading meant for staff's notes to them.
 */
export function noteAuthorOf(actor: { name: string; staff: boolean; role: Role } | null): NoteAuthor {
  if (!actor) return { kind: "system" };
  return actor.staff
    ? { kind: "staff", name: actor.name, role: actor.role }
    : { kind: "applicant", name: actor.name };
}
