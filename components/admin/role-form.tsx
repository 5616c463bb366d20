"use client";

import { useTranslations } from "next-intl";
import { SubmitButton } from "@/components/ui/submit-button";
import { changeRole } from "@/lib/staff/actions";
import { STAFF_ROLE_VALUES, type StaffRole } from "@/lib/staff/schema";
import { SelectField } from "@/components/ui/select-field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";

export function RoleForm({ userId, role, isSelf }: { userId: string; role: StaffRole; isSelf: boolean }) {
  const t = useTranslations("admin.staff.role");
  const tRoles = useTranslations("roles");
  const { state, pending, onSubmit, failure, errorsFor } = useActionForm(changeRole);
  if (isSelf) return <p className="text-sm text-slate-700">{t("selfNote")}</p>;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <input type="hidden" name="userId" value={userId} />
      <div className="sm:w-64">
        <SelectField
          name="role"
          label={t("label")}
          defaultValue={role}
          errors={errorsFor("role")}
          options={STAFF_ROLE_VALUES.map((option) => ({ value: option, label: tRoles(option) }))}
        />
      </div>
      <SubmitButton pending={pending} label={t("submit")} variant="secondary" />
      <div className="sm:flex-1">
        <FormStatus
          failure={failure}
          success={state?.ok ? t("changed", { role: tRoles(state.data.role) }) : null}
        />
      </div>
    </form>
  );
}
