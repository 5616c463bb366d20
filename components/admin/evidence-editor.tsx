"use client";

import { useLocale, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { ConfirmActionDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/text-field";
import { addEvidence, moveEvidence, removeEvidence, saveEvidence } from "@/lib/catalog/actions";
import { EVIDENCE_KINDS } from "@/lib/catalog/admin-schema";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { SelectField } from "@/components/ui/select-field";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";

type Requirement = { id: string; kind: string; labelZh: string; labelEn: string; required: boolean };

function EvidenceFields({
  prefix,
  values,
  errorsFor,
}: {
  prefix: string;
  values?: Requirement;
  errorsFor: (field: string) => string[] | undefined;
}) {
  const t = useTranslations("admin.catalog.evidence");
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[12rem_1fr_1fr]">
      <SelectField
        id={`${prefix}-kind`}
        name="kind"
        label={t("kind")}
        defaultValue={values?.kind ?? "OTHER"}
        errors={errorsFor("kind")}
        options={EVIDENCE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <TextField
        id={`${prefix}-zh`}
        name="labelZh"
        lang="zh-CN"
        label={t("labelZh")}
        defaultValue={values?.labelZh}
        maxLength={120}
        errors={errorsFor("labelZh")}
      />
      <TextField
        id={`${prefix}-en`}
        name="labelEn"
        lang="en"
        label={t("labelEn")}
        defaultValue={values?.labelEn}
        maxLength={120}
        errors={errorsFor("labelEn")}
      />
      <CheckboxField
        id={`${prefix}-required`}
        name="required"
        label={t("required")}
        defaultChecked={values?.required ?? true}
      />
    </div>
  );
}

function MoveButton({
  requirementId,
  direction,
  label,
}: {
  requirementId: string;
  direction: "up" | "down";
  label: string;
}) {
  const { pending, onSubmit, failure } = useActionForm(moveEvidence);
  return (
    <form onSubmit={onSubmit}>
      <input type="hidden" name="requirementId" value={requirementId} />
      <input type="hidden" name="direction" value={direction} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={label} title={failure ?? label}>
        <span aria-hidden="true">{direction === "up" ? "↑" : "↓"}</span>
      </Button>
    </form>
  );
}

function RequirementRow({
  requirement,
  index,
  count,
}: {
  requirement: Requirement;
  index: number;
  count: number;
}) {
  const t = useTranslations("admin.catalog.evidence");
  const tCommon = useTranslations("admin.common");
  const { state, pending, onSubmit, failure, errorsFor } = useActionForm(saveEvidence);
  const label = useLocale() === "zh" ? requirement.labelZh : requirement.labelEn;
  return (
    <li className="flex flex-col gap-3 rounded-xl border border-slate-200 p-3">
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={t("itemLabel", { position: index + 1, label })}
        className="flex flex-col gap-3"
      >
        <input type="hidden" name="requirementId" value={requirement.id} />
        <EvidenceFields prefix={`evidence-${requirement.id}`} values={requirement} errorsFor={errorsFor} />
        <SubmitButton
          pending={pending}
          label={t("save", { label })}
          variant="secondary"
          className="sm:self-start"
        />
        <FormStatus failure={failure} success={state?.ok ? tCommon("saved") : null} />
      </form>
      <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 pt-3">
        {index > 0 && (
          <MoveButton requirementId={requirement.id} direction="up" label={t("moveUp", { label })} />
        )}
        {index < count - 1 && (
          <MoveButton requirementId={requirement.id} direction="down" label={t("moveDown", { label })} />
        )}
        <div className="ml-auto">
          <ConfirmActionDialog
            tone="danger"
            action={removeEvidence}
            fields={{ requirementId: requirement.id }}
            labels={{
              open: t("remove", { label }),
              title: t("removeTitle"),
              body: t("removeBody", { label }),
              confirm: t("confirmRemove"),
              pending: t("removing"),
              cancel: tCommon("cancel"),
            }}
          />
        </div>
      </div>
    </li>
  );
}

/** The evidence list in its order: edit each item, move it, remove it (after asking), or add one. */
export function EvidenceEditor({
  serviceId,
  requirements,
}: {
  serviceId: string;
  requirements: Requirement[];
}) {
  const t = useTranslations("admin.catalog.evidence");
  const { state, pending, onSubmit, failure, errorsFor } = useActionForm(addEvidence);
  return (
    <div className="flex flex-col gap-4">
      {requirements.length === 0 ? (
        <p className="text-sm text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="flex flex-col gap-3">
          {requirements.map((requirement, index) => (
            <RequirementRow
              key={requirement.id}
              requirement={requirement}
              index={index}
              count={requirements.length}
            />
          ))}
        </ol>
      )}
      {/* A new key after each addition resets the form's fields for the next one. */}
      <form
        key={state?.ok ? state.data.id : "new"}
        onSubmit={onSubmit}
        noValidate
        aria-labelledby="add-evidence-title"
        className="flex flex-col gap-3 rounded-xl bg-slate-50 p-3"
      >
        <h3 id="add-evidence-title" className="font-semibold">
          {t("addHeading")}
        </h3>
        <input type="hidden" name="serviceId" value={serviceId} />
        <EvidenceFields prefix="evidence-new" errorsFor={errorsFor} />
        <SubmitButton pending={pending} label={t("add")} variant="secondary" className="sm:self-start" />
        <FormStatus failure={failure} success={state?.ok ? t("added") : null} />
      </form>
    </div>
  );
}
