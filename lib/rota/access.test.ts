import { describe, expect, it } from "vitest";
import { NotAuthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { assertRotaEditor, assertShiftWorker, canEditRota, worksShifts } from "./access";

const viewer = (role: Role) => ({ id: "00000000-0000-4000-8000-000000000001", role });

describe("rota access", () => {
  it("lets supervisors and administrators edit the rota, nobody else", () => {
    expect((["APPLICANT", "REVIEWER", "SUPERVISOR", "ADMIN"] as Role[]).filter(canEditRota)).toEqual([
      "SUPERVISOR",
      "ADMIN",
    ]);
    expect(() => assertRotaEditor(viewer("SUPERVISOR"))).not.toThrow();
    for (const role of ["APPLICANT", "REVIEWER"] as Role[])
      expect(() => assertRotaEditor(viewer(role))).toThrow(NotAuthorizedError);
    expect(() => assertRotaEditor(null)).toThrow(NotAuthorizedError);
  });

  it("lets reviewers and supervisors work shifts (hand over, acknowledge), not administrators or applicants", () => {
    expect((["APPLICANT", "REVIEWER", "SUPERVISOR", "ADMIN"] as Role[]).filter(worksShifts)).toEqual([
      "REVIEWER",
      "SUPERVISOR",
    ]);
    for (const role of ["APPLICANT", "ADMIN"] as Role[])
      expect(() => assertShiftWorker(viewer(role))).toThrow(NotAuthorizedError);
    expect(() => assertShiftWorker(viewer("REVIEWER"))).not.toThrow();
  });
});
