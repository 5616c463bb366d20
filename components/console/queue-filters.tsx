import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { URGENCY_TIERS } from "@/lib/catalog/tiers";
import { QUEUE_SEARCH_MAX, hasActiveFilters, type QueueFilters as Filters } from "@/lib/console/queue-schema";

export const QUEUE_SEARCH_ID = "queue-search";

type Options = {
  services: { id: string; nameZh: string; nameEn: string }[];
  staff: { id: string; displayName: string }[];
};

/**
 * A plain GET form: filtering works before hydration and without JavaScript, and every filtered
 * view is a URL that can be bookmarked or sent to a colleague. The node tab travels along hidden.
 */
export async function QueueFilters({
  filters,
  options,
  locale,
  viewerId,
}: {
  filters: Filters;
  options: Options;
  locale: string;
  viewerId: string;
}) {
  const [t, tTiers] = await Promise.all([getTranslations("queue"), getTranslations("catalog.tiers")]);
  const search = filters.search
    ? filters.search.kind === "number"
      ? filters.search.raw
      : filters.search.text
    : "";
  const assignee = filters.assignee
    ? filters.assignee.kind === "user"
      ? filters.assignee.id
      : filters.assignee.kind
    : "";
  const selects = [
    {
      name: "service" as const,
      defaultValue: filters.service ?? "",
      emptyOption: t("filters.anyService"),
      options: options.services.map((service) => ({
        value: service.id,
        label: locale === "zh" ? service.nameZh : service.nameEn,
      })),
    },
    {
      name: "tier" as const,
      defaultValue: filters.tier ?? "",
      emptyOption: t("filters.anyTier"),
      options: [...URGENCY_TIERS].reverse().map((tier) => ({ value: tier, label: tTiers(tier) })),
    },
    {
      name: "assignee" as const,
      defaultValue: assignee,
      emptyOption: t("filters.anyone"),
      options: [
        { value: "me", label: t("filters.me") },
        { value: "none", label: t("filters.unassigned") },
        ...options.staff.map((person) => ({
          value: person.id,
          label: person.id === viewerId ? t("you", { name: person.displayName }) : person.displayName,
        })),
      ],
    },
  ];
  return (
    <form
      action="/console"
      method="get"
      role="search"
      aria-label={t("filters.heading")}
      className="grid gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="sm:col-span-2">
        <TextField
          id={QUEUE_SEARCH_ID}
          name="q"
          type="search"
          label={t("search.label")}
          placeholder={t("search.placeholder")}
          hint={t("search.hint")}
          defaultValue={search}
          maxLength={QUEUE_SEARCH_MAX}
          autoComplete="off"
          aria-keyshortcuts="/"
        />
      </div>
      {selects.map((select) => (
        <SelectField
          key={select.name}
          id={`queue-${select.name}`}
          label={t(`filters.${select.name}`)}
          {...select}
        />
      ))}
      <label className="flex min-h-11 items-center gap-2 self-end text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          name="overdue"
          value="1"
          defaultChecked={filters.overdue}
          className="size-5 accent-red-700"
        />
        {t("filters.overdue")}
      </label>
      {filters.node && <input type="hidden" name="node" value={filters.node} />}
      <div className="flex flex-wrap items-end gap-2 sm:col-span-2 lg:col-span-2 lg:justify-end">
        {hasActiveFilters(filters) && (
          <Link
            href="/console"
            className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-semibold text-brand-700 hover:bg-brand-50"
          >
            {t("clearFilters")}
          </Link>
        )}
        <Button type="submit">{t("filters.apply")}</Button>
      </div>
    </form>
  );
}
