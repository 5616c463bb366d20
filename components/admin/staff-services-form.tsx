"use client";

import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { updateStaffServices } from "@/lib/staff/actions";
import { FormStatus } from "./form-status";
import { useAdminForm } from "./use-admin-form";

type Service = { id: string; code: string; nameZh: string; nameEn: string; active: boolean };

/** Checkboxes in a fieldset: the whole selection is saved at once. */
export function StaffServicesForm({
  userId,
  services,
  selected,
}: {
  userId: string;
  services: Service[];
  selected: string[];
}) {
  const t = useTranslations("admin.staff.services");
  const locale = useLocale();
  const { state, pending, onSubmit, failure, errorsFor } = useAdminForm(updateStaffServices);
  const errors = errorsFor("serviceIds");
  if (services.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3">
      <input type="hidden" name="userId" value={userId} />
      <fieldset aria-describedby={errors ? "services-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("legend")}</legend>
        <ul className="mt-1 grid gap-x-4 sm:grid-cols-2">
          {services.map((service) => (
            <li key={service.id}>
              <label className="flex min-h-11 items-center gap-3 text-sm">
                <input
                  type="checkbox"
                  name="serviceIds"
                  value={service.id}
                  defaultChecked={selected.includes(service.id)}
                  className="size-5 accent-brand-600"
                />
                <span>
                  {locale === "zh" ? service.nameZh : service.nameEn}
                  {!service.active && <span className="ml-1 text-slate-500">{t("inactiveService")}</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {errors && (
          <ul id="services-error" className="text-sm text-red-700">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
      </fieldset>
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-busy={pending}
        className="sm:self-start"
      >
        {t("submit")}
      </Button>
      <FormStatus
        failure={failure}
        success={state?.ok ? t("saved", { added: state.data.added, removed: state.data.removed }) : null}
      />
    </form>
  );
}
