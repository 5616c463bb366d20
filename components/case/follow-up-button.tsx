"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { useRouter } from "next/navigation";
import { SubmitButton } from "@/components/ui/submit-button";
import { Notice } from "@/components/ui/notice";
import { failureLead } from "@/lib/validation/failure-lead";
import { useActionForm } from "@/components/ui/use-action-form";
import { requestFollowUp } from "@/lib/workflow/actions";
import { CONCURRENT_CHANGE_KEY } from "@/lib/workflow/errors";

type Props = { applicationId: string; version: number };

/**
 * "Ask staff to hurry" (催办): one click, no confirmation (it is harmless and limited to once every
 * 12 hours by the server). The answer, including when the next reminder is possible, is announced.
 */
export function FollowUpButton({ applicationId, version }: Props) {
  const t = useTranslations();
  const format = useFormat();
  const router = useRouter();
  const { state, pending, formAction, failed } = useActionForm(requestFollowUp, {
    onFailure: (failure) => {
      if (failure.message === CONCURRENT_CHANGE_KEY) router.refresh();
    },
  });

  // HH:MM, with the date when that is not today (the next reminder is often tomorrow).
  function timeOf(iso: string): string {
    const at = new Date(iso);
    const sameDay =
      format.dateTime(at, { dateStyle: "short" }) === format.dateTime(new Date(), { dateStyle: "short" });
    const time = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
    return format.dateTime(at, sameDay ? time : { ...time, month: "short", day: "numeric" });
  }

  let status = "";
  if (state?.ok) status = t("case.followUp.sent", { time: timeOf(state.data.nextAllowedAt) });
  else if (failed && "nextAllowedAt" in failed)
    status = t("case.followUp.tooSoon", { time: timeOf(failed.nextAllowedAt) });
  const error = failed && !("nextAllowedAt" in failed) ? t(failureLead(failed, "all")) : null;

  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <SubmitButton
        pending={pending}
        label={t("case.followUp.button")}
        pendingLabel={t("case.followUp.sending")}
        variant="secondary"
        aria-describedby="follow-up-hint"
        className="w-full sm:w-auto sm:self-start"
      />
      <p id="follow-up-hint" className="text-sm text-slate-600">
        {t("case.followUp.hint")}
      </p>
      {/* Always in the page, so screen readers announce what is put into it. */}
      <p role="status" aria-live="polite" className="text-sm font-medium text-slate-800">
        {status}
      </p>
      {error && <Notice tone="error">{error}</Notice>}
    </form>
  );
}
