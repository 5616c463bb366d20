"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { changeRole } from "@/lib/staff/actions";
import { STAFF_ROLE_VALUES, type StaffRole } from "@/lib/staff/schema";
import { SelectField } from "./fields";
import { FormStatus } from "./form-status";
import { useAdminForm } from "./use-admin-form";

export function RoleForm({ userId, role, isSelf }: { userId: string; role: StaffRole; isSelf: boolean }) {
  const t = useTranslations("admin.staff.role");
  const tRoles = useTranslations("roles");
  const { state, pending, onSubmit, failure, errorsFor } = useAdminForm(changeRole);
  if (isSelf) return <p className="text-sm text-slate-700">{t("selfNote")}</p>;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <input type="hidden" name="userId" value={userId} />
      <div className="sm:w-64">
        <SelectField name="role" label={t("label")} defaultValue={role} errors={errorsFor("role")}>
          {STAFF_ROLE_VALUES.map((option) => (
            <option key={option} value={option}>
              {tRoles(option)}
            </option>
          ))}
        </SelectField>
      </div>
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {t("submit")}
      </Button>
      <div className="sm:flex-1">
        <FormStatus
          failure={failure}
          success={state?.ok ? t("changed", { role: tRoles(state.data.role) }) : null}
        />
      </div>
    </form>
  );
}
