import { getTranslations } from "next-intl/server";
import { TextField } from "@/components/ui/text-field";
import { STAFF_ROLE_VALUES, type StaffListQuery } from "@/lib/staff/schema";
import { SelectField } from "@/components/ui/select-field";
import { FilterButtons } from "./filter-buttons";

/** A plain GET form: filters live in the URL, so they survive reloads and can be shared. */
export async function StaffFilters({ query }: { query: StaffListQuery }) {
  const [t, tRoles] = await Promise.all([getTranslations("admin.staff.filters"), getTranslations("roles")]);
  return (
    <form
      method="get"
      role="search"
      aria-label={t("label")}
      className="grid gap-3 sm:grid-cols-2 md:grid-cols-[2fr_1fr_1fr] md:items-end lg:grid-cols-[2fr_1fr_1fr_auto]"
    >
      <TextField name="q" type="search" label={t("search")} defaultValue={query.q} maxLength={100} />
      <SelectField
        name="role"
        label={t("role")}
        defaultValue={query.role ?? ""}
        emptyOption={t("anyRole")}
        options={STAFF_ROLE_VALUES.map((role) => ({ value: role, label: tRoles(role) }))}
      />
      <SelectField
        name="status"
        label={t("status")}
        defaultValue={query.status}
        options={[
          { value: "all", label: t("statusAll") },
          { value: "active", label: t("statusActive") },
          { value: "inactive", label: t("statusInactive") },
        ]}
      />
      <FilterButtons
        applyLabel={t("apply")}
        clearLabel={t("clear")}
        clearHref="/console/admin/staff"
        className="sm:col-span-2 md:col-span-3 lg:col-span-1"
      />
    </form>
  );
}
