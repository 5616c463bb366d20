import { beforeEach, describe, expect, it, vi } from "vitest";
import { sessionExpired } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { createTestUser } from "@/lib/testing/fixtures";
import { withTestDatabase } from "@/lib/testing/with-test-database";
import { addStandardShifts, removeShift, saveShift, saveShiftMembers } from "./actions";
import { makeShift } from "./rota.fixtures";
import { formData, revalidated, signedInAs } from "@/lib/testing/action-session";

// The actions read the session themselves: stand in for it, and for Next's request-bound helpers.
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next-intl/server", () => ({
  getTranslations: vi.fn(async (namespace: string) => (key: string) => `${namespace}.${key}`),
}));
vi.mock("next/navigation", () => ({
  redirect: vi.fn((url: string) => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { url });
  }),
}));

withTestDatabase();

beforeEach(() => {
  vi.mocked(getCurrentUser).mockReset();
});

describe("rota actions", () => {
  it.each<Role | null>([null, "APPLICANT", "REVIEWER"])("refuse %s before doing anything", async (role) => {
    const shift = await makeShift(2, "08:00", "16:00", []);
    const before = await db.shift.count();
    await signedInAs(role);
    const results = [
      await saveShift(null, formData({ name: "Sneaky", weekday: "1", start: "08:00", end: "09:00" })),
      await removeShift(null, formData({ shiftId: shift.id })),
      await saveShiftMembers(null, formData({ shiftId: shift.id, userIds: [] })),
      await addStandardShifts(null, formData({})),
    ];
    const refused = role === null ? sessionExpired() : { ok: false, message: "errors.notAuthorized" };
    for (const result of results) expect(result).toEqual(refused);
    expect(await db.shift.count()).toBe(before);
  });

  it("let a supervisor create a shift (then open it), staff it and delete it", async () => {
    await signedInAs("SUPERVISOR");
    expect(
      await saveShift(null, formData({ name: "Early", weekday: "1", start: "6:00", end: "14:00" })),
    ).toEqual({
      ok: false,
      message: "errors.checkFields",
      fieldErrors: { start: ["rota.errors.timeInvalid"] },
    });
    const redirect = await saveShift(
      null,
      formData({ name: "Early", weekday: "1", start: "06:00", end: "14:00" }),
    ).catch((error: { url: string }) => error.url);
    const id = /^\/console\/rota\/([0-9a-f-]+)\?created=1$/.exec(String(redirect))?.[1];
    expect(id).toBeTruthy();

    const reviewer = await createTestUser("REVIEWER");
    expect(await saveShiftMembers(null, formData({ shiftId: id!, userIds: [reviewer.id] }))).toEqual({
      ok: true,
      data: { added: 1, removed: 0 },
    });
    revalidated();
    expect(
      await saveShift(
        null,
        formData({ shiftId: id!, name: "Earlier", weekday: "1", start: "05:00", end: "13:00" }),
      ),
    ).toEqual({ ok: true, data: { id, created: false } });
    // The week view and every shift page under it (the layout) show the edit.
    expect(revalidated()).toEqual([["/console/rota", "layout"]]);
    await expect(removeShift(null, formData({ shiftId: id! }))).rejects.toMatchObject({
      url: "/console/rota?deleted=1",
    });
    expect(await db.shift.count({ where: { id } })).toBe(0);
  });

  it("name the standard shifts in the editor's language", async () => {
    await signedInAs("ADMIN");
    await db.shift.deleteMany({});
    expect(await addStandardShifts(null, formData({}))).toEqual({ ok: true, data: { created: 21 } });
    expect(await db.shift.count({ where: { name: "rota.standard.night", startMinute: 0 } })).toBe(7);
  });
});
