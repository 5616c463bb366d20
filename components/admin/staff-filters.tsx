import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { STAFF_ROLE_VALUES, type StaffListQuery } from "@/lib/staff/schema";
import { SelectField } from "./fields";

/** A plain GET form: filters live in the URL, so they survive reloads and can be shared. */
export async function StaffFilters({ query }: { query: StaffListQuery }) {
  const [t, tRoles] = await Promise.all([getTranslations("admin.staff.filters"), getTranslations("roles")]);
  return (
    <form method="get" role="search" aria-label={t("label")} className="grid gap-3 sm:grid-cols-2 md:grid-cols-[2fr_1fr_1fr] md:items-end lg:grid-cols-[2fr_1fr_1fr_auto]">
      <TextField name="q" type="search" label={t("search")} defaultValue={query.q} maxLength={100} />
      <SelectField name="role" label={t("role")} defaultValue={query.role ?? ""}>
        <option value="">{t("anyRole")}</option>
        {STAFF_ROLE_VALUES.map((role) => (
          <option key={role} value={role}>
            {tRoles(role)}
          </option>
        ))}
      </SelectField>
      <SelectField name="status" label={t("status")} defaultValue={query.status}>
        <option value="all">{t("statusAll")}</option>
        <option value="active">{t("statusActive")}</option>
        <option value="inactive">{t("statusInactive")}</option>
      </SelectField>
      <div className="flex gap-2 sm:col-span-2 md:col-span-3 lg:col-span-1">
        <Button type="submit">{t("apply")}</Button>
        <Link href="/console/admin/staff" className="inline-flex min-h-11 items-center px-2 text-sm font-semibold text-brand-700 hover:underline">
          {t("clear")}
        </Link>
      </div>
    </form>
  );
}
