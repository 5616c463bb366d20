import { getTranslations } from "next-intl/server";
import { withParams } from "@/components/ui/pager";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import type { AuditPeople, AuditSubject } from "@/lib/audit/data";
import { AUDIT_ACTIONS, type AuditDomain } from "@/lib/audit/describe-entry";
import type { AuditQuery } from "@/lib/audit/schema";
import { FilterButtons } from "./filter-buttons";

export const AUDIT_ENTITY_TYPES = [
  "application",
  "user",
  "service",
  "shift",
  "handover",
  "notification",
  "api_client",
  "api_key",
] as const;
const PATH = "/console/admin/audit";

/**
 * A plain GET form: the filters are the URL, so a filtered view can be bookmarked or shared. People
 * and actions are picked by name; an entity chosen from the list ("only entries about this") is
 * shown by its name and carried as a hidden field, never as an id to read.
 */
export async function AuditFilters({
  query,
  staff,
  subject,
}: {
  query: AuditQuery;
  staff: AuditPeople;
  subject: AuditSubject | null;
}) {
  const [t, tRoles] = await Promise.all([getTranslations("admin.audit"), getTranslations("roles")]);
  const people: SelectOption[] = [
    { value: "system", label: t("system") },
    ...staff.people.map((person) => ({
      value: person.id,
      label: t(person.active ? "filters.person" : "filters.personInactive", {
        name: person.displayName,
        role: tRoles(person.role),
      }),
    })),
  ];
  const actions: SelectOption[] = (Object.keys(AUDIT_ACTIONS) as AuditDomain[]).flatMap((domain) => [
    { value: `${domain}.`, label: t("filters.allOf", { domain: t(`domains.${domain}`) }) },
    ...AUDIT_ACTIONS[domain].map((name) => ({
      value: `${domain}.${name}`,
      label: t("actions.unknown", {
        domain: t(`domains.${domain}`),
        name: t(`actions.${domain}.${name}` as never),
      }),
    })),
  ]);
  // A bookmarked prefix from before the list ("staff.cre") is kept, as typed.
  if (query.action && !actions.some((option) => option.value === query.action))
    actions.unshift({ value: query.action, label: query.action });
  const subjectId = query.entityId && subject ? query.entityId : null;
  return (
    <form method="get" role="search" aria-label={t("filters.label")} className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField
          name="actorId"
          label={t("filters.who")}
          hint={staff.more ? t("filters.whoMore", { count: staff.people.length }) : undefined}
          emptyOption={t("filters.anyone")}
          options={people}
          defaultValue={query.actorId ?? ""}
        />
        <TextField
          name="actor"
          type="search"
          label={t("filters.actor")}
          hint={t("filters.actorHint")}
          defaultValue={query.actor}
          maxLength={100}
        />
        <SelectField
          name="action"
          label={t("filters.action")}
          emptyOption={t("filters.anyAction")}
          options={actions}
          defaultValue={query.action}
        />
        <SelectField
          name="entityType"
          label={t("filters.entityType")}
          emptyOption={t("filters.anyEntity")}
          options={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: t(`entityTypes.${type}`) }))}
          defaultValue={query.entityType}
        />
        {subjectId ? (
          <div className="flex flex-col gap-1">
            <input type="hidden" name="entityId" value={subjectId} />
            <p className="text-sm font-medium text-slate-800">{t("filters.about")}</p>
            <p className="text-sm">
              {subject!.text}{" "}
              <TextLink
                href={withParams(
                  PATH,
                  { ...query, before: undefined, after: undefined },
                  { entityId: undefined },
                )}
                inline
              >
                {t("filters.aboutClear")}
              </TextLink>
            </p>
          </div>
        ) : (
          <TextField
            name="entityId"
            label={t("filters.entityId")}
            hint={t("filters.entityIdHint")}
            defaultValue={query.entityId}
            maxLength={100}
            spellCheck={false}
          />
        )}
        <TextField name="from" type="date" label={t("filters.from")} defaultValue={query.from} />
        <TextField name="to" type="date" label={t("filters.to")} defaultValue={query.to} />
      </div>
      <FilterButtons applyLabel={t("filters.apply")} clearLabel={t("filters.clear")} clearHref={PATH} />
    </form>
  );
}
