import { getTranslations } from "next-intl/server";
import { TextField } from "@/components/ui/text-field";
import type { AuditQuery } from "@/lib/audit/schema";
import { FilterButtons } from "./filter-buttons";

export const AUDIT_ENTITY_TYPES = ["application", "user", "service"] as const;

/** A plain GET form: the filters are the URL, so a filtered view can be bookmarked or shared. */
export async function AuditFilters({ query }: { query: AuditQuery }) {
  const t = await getTranslations("admin.audit");
  return (
    <form method="get" role="search" aria-label={t("filters.label")} className="flex flex-col gap-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          name="actor"
          type="search"
          label={t("filters.actor")}
          hint={t("filters.actorHint")}
          defaultValue={query.actor}
          maxLength={100}
        />
        <TextField
          name="action"
          type="search"
          label={t("filters.action")}
          hint={t("filters.actionHint")}
          defaultValue={query.action}
          maxLength={100}
          spellCheck={false}
        />
        <TextField
          name="entityType"
          label={t("filters.entityType")}
          hint={t("filters.entityTypeHint")}
          defaultValue={query.entityType}
          list="audit-entity-types"
          maxLength={50}
        />
        <TextField
          name="entityId"
          label={t("filters.entityId")}
          hint={t("filters.entityIdHint")}
          defaultValue={query.entityId}
          maxLength={100}
          spellCheck={false}
        />
        <TextField name="from" type="date" label={t("filters.from")} defaultValue={query.from} />
        <TextField name="to" type="date" label={t("filters.to")} defaultValue={query.to} />
      </div>
      <datalist id="audit-entity-types">
        {AUDIT_ENTITY_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      <FilterButtons
        applyLabel={t("filters.apply")}
        clearLabel={t("filters.clear")}
        clearHref="/console/admin/audit"
      />
    </form>
  );
}
