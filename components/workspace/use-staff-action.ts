"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import { announceSessionExpired } from "@/components/auth/session-expired";
import { isSessionExpired } from "@/lib/action-result";
import { LIMIT_MESSAGE_VALUES } from "@/lib/evidence/limits";
import { CONCURRENT_CHANGE_KEY } from "@/lib/workflow/errors";
import type { StaffActionResult } from "@/lib/workflow/staff-actions";
import { failureLead } from "@/lib/validation/failure-lead";
import { useWorkspace } from "./workspace-sync";

type StaffAction = (previous: StaffActionResult | null, formData: FormData) => Promise<StaffActionResult>;

type Options = {
  /** Already translated: what the shared status region says once the action went through. */
  doneText: string;
  onDone?: () => void;
  /** The case changed under the form (e.g. to close a dialog, which would hide the shared status). */
  onStale?: () => void;
  /** Last changes to the form data before sending (e.g. a local time turned into an ISO time). */
  prepare?: (formData: FormData) => void;
  /** Field errors the form shows in its summary rather than on a field (see failureLead). */
  unplaced?: readonly string[];
};

/**
 * One staff action bound to a form: submitted once at a time, the case reference added, the
 * result announced, and the page refreshed when the case changed — by this action, or by someone
 * else first (the server then refuses with a concurrent-change error and the reviewer sees the
 * fresh state before trying again; nothing is overwritten silently).
 */
export function useStaffAction(
  action: StaffAction,
  { doneText, onDone, onStale, prepare, unplaced = [] }: Options,
) {
  const t = useTranslations();
  const router = useRouter();
  const { applicationId, acknowledge, confirm, versionForNextAction, announce } = useWorkspace();
  const [state, setState] = useState<StaffActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);

  // Settled in the submit handler, not in an effect: the refreshed page that comes back with the
  // result often no longer has this form (a claimed case has no claim form), and an unmounted
  // component's effects never run — the announcement lives in the workspace, which stays.
  function settle(result: StaffActionResult) {
    if (result.ok) {
      confirm(result.data.version);
      formRef.current?.reset();
      announce({ text: doneText, tone: "success" });
      onDone?.();
      router.refresh();
    } else if (isSessionExpired(result)) {
      announceSessionExpired();
    } else if (result.message === CONCURRENT_CHANGE_KEY) {
      // Said where it stays visible: the refresh may remove this very form.
      announce({ text: t(CONCURRENT_CHANGE_KEY), tone: "error" });
      onStale?.();
      router.refresh();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    formData.set("applicationId", applicationId);
    const version = versionForNextAction();
    formData.set("expectedVersion", String(version));
    prepare?.(formData);
    // Every accepted action moves the case exactly one version on. Acknowledged before sending:
    // the refreshed page can arrive before this hook sees the result, and must not be announced
    // as someone else's change.
    acknowledge(version + 1);
    announce(null);
    startTransition(async () => {
      const result = await action(null, formData);
      setState(result);
      settle(result);
    });
  }

  const failed = state && !state.ok && state.message !== CONCURRENT_CHANGE_KEY ? state : null;
  /** Translated field errors, by field name. */
  const errorsFor = (field: string): string[] | undefined =>
    failed?.fieldErrors?.[field]?.map((key) => t(key, LIMIT_MESSAGE_VALUES));
  return {
    pending,
    formRef,
    onSubmit,
    errorText: failed ? t(failureLead(failed, unplaced), LIMIT_MESSAGE_VALUES) : null,
    errorsFor,
    /** The unplaced fields' errors, translated, for the summary. */
    unplacedErrors: unplaced.flatMap((field) => errorsFor(field) ?? []),
  };
}
