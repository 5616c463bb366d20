"use client";

import { useTranslations } from "next-intl";
import { unstable_rethrow, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { Notice } from "@/components/ui/notice";
import { announceSessionExpired, SignInAgainLink } from "@/components/auth/session-expired";
import { SESSION_EXPIRED_MESSAGE, isSessionExpired, type ActionResult } from "@/lib/action-result";
import { submitApplication } from "@/lib/applications/actions";
import { localDateString } from "@/lib/applications/deadline";
import {
  applicationSchema,
  applicationValuesToFormData,
  firstErrorPerField,
  REASON_MAX_LENGTH,
  REASON_MIN_LENGTH,
  type ApplicationField,
} from "@/lib/applications/schema";
import { LIMIT_MESSAGE_VALUES } from "@/lib/evidence/limits";
import { missingRequiredKinds } from "@/lib/evidence/requirements";
import type { UploadedEvidence } from "@/lib/evidence/types";
import { clearDraft, loadDraft, saveDraft, type FormValues, type LoadedDraft } from "./draft-storage";
import { DraftNotice } from "./draft-notice";
import { FormStep } from "./form-step";
import { ReviewStep } from "./review-step";
import type { NightRota } from "@/lib/rota/day-shift";
import type { ApplyDefaults, ApplyService } from "./types";

export type ApplicationFormProps = {
  userId: string;
  service: ApplyService;
  defaults: ApplyDefaults;
  serverDrafts: UploadedEvidence[];
  /** The rota's zone (ROTA_TIME_ZONE): "night" for the next-morning offer is night there. */
  night: NightRota;
  /** False on a shared computer (chosen at sign-in): no draft is read from or kept on the device. */
  keepOnDevice: boolean;
};
type Props = ApplicationFormProps;
type Step = "form" | "review";
export type FieldErrors = Partial<Record<ApplicationField, string>>;

/** Where focus goes for each field's error, in page order. */
export const FIELD_ORDER: ApplicationField[] = [
  ...(["tier", "neededBy", "reason"] as const),
  ...([
    "triageConsequence",
    "triageFixedDate",
    "triageFixedDateOn",
    "triageHealthSafety",
    "triageAffected",
  ] as const),
  ...(["applicantName", "idType", "idNumber", "phone", "email", "evidenceIds"] as const),
];

const subscribeNothing = () => () => {};

/**
 * The application form: answers, then "check your answers", then submit. Rendered only in the
 * browser, because the saved draft lives there and must be in place before the first input.
 */
export function ClientApplicationForm(props: Props) {
  const inBrowser = useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
  // "Start over" remounts the form, which then finds no draft and starts a fresh one.
  const [generation, setGeneration] = useState(0);
  const t = useTranslations("apply");
  if (!inBrowser) {
    return (
      <p aria-busy="true" className="text-slate-600">
        {t("loadingForm")}
      </p>
    );
  }
  return (
    <ApplicationSteps key={generation} {...props} onStartOver={() => setGeneration((value) => value + 1)} />
  );
}

function freshValues(service: ApplyService, defaults: ApplyDefaults): FormValues {
  return {
    serviceCode: service.code,
    tier: service.tiers.length === 1 ? service.tiers[0]!.tier : "",
    neededBy: "",
    utcOffsetMinutes: String(-new Date().getTimezoneOffset()),
    reason: "",
    triageConsequence: "",
    triageFixedDate: "",
    triageFixedDateOn: "",
    triageHealthSafety: "",
    triageAffected: "",
    triageNextDay: "",
    applicantName: defaults.applicantName,
    idType: "CN_RESIDENT_ID",
    idNumber: "",
    phone: "",
    email: defaults.email,
    submissionKey: "",
  };
}

function ApplicationSteps({
  userId,
  service,
  defaults,
  serverDrafts,
  night,
  keepOnDevice,
  onStartOver,
}: Props & { onStartOver: () => void }) {
  const t = useTranslations();
  const scope = { userId, serviceCode: service.code, keep: keepOnDevice };
  const [initial] = useState<LoadedDraft & { fresh: FormValues; today: string }>(() => {
    const fresh = freshValues(service, defaults);
    return {
      ...loadDraft(scope, fresh, serverDrafts),
      fresh,
      today: localDateString(new Date(), Number(fresh.utcOffsetMinutes)),
    };
  });
  const submissionKey = initial.submissionKey;
  const [values, setValues] = useState<FormValues>(initial.values);
  const [files, setFiles] = useState<UploadedEvidence[]>(initial.files);
  const [uploading, setUploading] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<ApplicationField>>(() => new Set());
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [submitMessage, setSubmitMessage] = useState<string | null>(null);
  // Back from signing in again (the link of an expired session): straight to "check your answers".
  // Read from the router, not window.location: after a client-side navigation this renders before
  // the address bar changes, and the old address (the sign-in page) opened the form instead.
  const askedForReview = useSearchParams().get("step") === "review";
  const [step, setStep] = useState<Step>(() =>
    askedForReview && readyForReview(service, initial) ? "review" : "form",
  );
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  const focusTarget = useRef<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  // Every change is kept at once: a refresh or a dropped connection loses nothing.
  useEffect(() => {
    saveDraft(
      { userId, serviceCode: service.code, keep: keepOnDevice },
      { values, files, submissionKey, fresh: initial.fresh },
    );
  }, [userId, service.code, keepOnDevice, values, files, submissionKey, initial.fresh]);

  // Focus moves after the DOM has changed, so the error or heading it lands on is already there.
  useEffect(() => {
    const id = focusTarget.current;
    focusTarget.current = null;
    const element = id ? document.getElementById(id) : null;
    // For a radio group, the chosen option rather than the first.
    const chosen =
      element instanceof HTMLInputElement && element.type === "radio"
        ? document.querySelector<HTMLInputElement>(`input[name="${element.name}"]:checked`)
        : null;
    (chosen ?? element)?.focus();
  }, [focusRequest]);

  function requestFocus(id: string) {
    focusTarget.current = id;
    setFocusRequest((value) => value + 1);
  }

  const evidenceIds = files.map((file) => file.id);
  const parsed = applicationSchema.safeParse({ ...values, submissionKey, evidenceIds });
  const clientErrors: FieldErrors = parsed.success ? {} : firstErrorPerField(parsed.error);
  // The same rule the uploader flags and the server enforces.
  if (!clientErrors.evidenceIds && missingRequiredKinds(service.evidence, files).length > 0)
    clientErrors.evidenceIds = "apply.errors.evidenceMissing";
  if (!clientErrors.evidenceIds && uploading) clientErrors.evidenceIds = "apply.errors.evidenceUploading";

  const translate = (key: string) =>
    t.has(key)
      ? t(key, { min: REASON_MIN_LENGTH, max: REASON_MAX_LENGTH, ...LIMIT_MESSAGE_VALUES })
      : t("errors.checkFields");
  const errorFor = (field: ApplicationField): string | undefined => {
    const key =
      serverErrors[field] ?? (showAllErrors || touched.has(field) ? clientErrors[field] : undefined);
    return key ? translate(key) : undefined;
  };

  function setField(field: keyof FormValues, value: string, extra: Partial<FormValues> = {}) {
    setValues((current) => ({ ...current, [field]: value, ...extra }));
    setServerErrors((current) => (field in current ? { ...current, [field]: undefined } : current));
  }

  function blur(field: ApplicationField) {
    setTouched((current) => (current.has(field) ? current : new Set(current).add(field)));
  }

  function goTo(next: Step, focusId: string) {
    setStep(next);
    setAnnouncement(t(next === "form" ? "apply.stepForm" : "apply.stepReview"));
    requestFocus(focusId);
  }

  function showErrors(errors: FieldErrors) {
    setShowAllErrors(true);
    const first = FIELD_ORDER.find((field) => errors[field]);
    if (step !== "form") goTo("form", first ? focusIdFor(first) : "step-heading");
    else if (first) requestFocus(focusIdFor(first));
  }

  function continueToReview() {
    const errors = { ...clientErrors, ...serverErrors };
    if (FIELD_ORDER.some((field) => errors[field])) {
      setShowAllErrors(true);
      requestFocus(focusIdFor(FIELD_ORDER.find((field) => errors[field])!));
      return;
    }
    setSubmitMessage(null);
    goTo("review", "step-heading");
  }

  function submit() {
    if (pending) return;
    setSubmitMessage(null);
    const formData = applicationValuesToFormData({ ...values, submissionKey, evidenceIds });
    startTransition(async () => {
      let result: ActionResult;
      try {
        result = await submitApplication(null, formData);
      } catch (error) {
        // A redirect to the confirmation page is how success arrives: let Next handle it.
        unstable_rethrow(error);
        setSubmitMessage("apply.errors.submitFailed");
        return;
      }
      if (result.ok) return;
      if (isSessionExpired(result)) announceSessionExpired();
      const fieldErrors: FieldErrors = {};
      for (const [field, keys] of Object.entries(result.fieldErrors ?? {}))
        fieldErrors[field as ApplicationField] = keys[0];
      setServerErrors(fieldErrors);
      setSubmitMessage(result.message);
      if (FIELD_ORDER.some((field) => fieldErrors[field])) showErrors(fieldErrors);
    });
  }

  function startOver() {
    clearDraft(scope);
    onStartOver();
  }

  return (
    <div className="flex flex-col gap-6">
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {initial.savedAt && (
        <DraftNotice
          savedAt={initial.savedAt}
          idNumberForgotten={initial.idNumberForgotten}
          onStartOver={startOver}
        />
      )}
      {submitMessage && (
        <Notice tone="error">
          {translate(submitMessage)}
          {submitMessage === SESSION_EXPIRED_MESSAGE && (
            <>
              {" "}
              <SignInAgainLink returnTo={reviewAddress()} />
            </>
          )}
        </Notice>
      )}
      {step === "form" ? (
        <FormStep
          service={service}
          values={values}
          files={files}
          today={initial.today}
          night={night}
          errorFor={errorFor}
          setField={setField}
          blur={blur}
          onFilesChange={(next, busy) => {
            setFiles(next);
            setUploading(busy);
            setServerErrors((current) => ({ ...current, evidenceIds: undefined }));
          }}
          onContinue={continueToReview}
        />
      ) : (
        <ReviewStep
          service={service}
          values={values}
          files={files}
          night={night}
          pending={pending}
          onChange={(field) => goTo("form", focusIdFor(field))}
          onBack={() => goTo("form", "step-heading")}
          onSubmit={submit}
        />
      )}
    </div>
  );
}

/** This page, asking for the review step: where signing in again after an expired session leads. */
function reviewAddress(): string {
  const url = new URL(window.location.href);
  url.searchParams.set("step", "review");
  return `${url.pathname}${url.search}`;
}

/** Only a complete draft opens on "check your answers"; anything missing opens the form. */
function readyForReview(service: ApplyService, draft: LoadedDraft): boolean {
  const evidenceIds = draft.files.map((file) => file.id);
  return (
    applicationSchema.safeParse({ ...draft.values, submissionKey: draft.submissionKey, evidenceIds })
      .success && missingRequiredKinds(service.evidence, draft.files).length === 0
  );
}

/** The element that takes focus for a field: its input, the group's first radio, the evidence heading. */
export function focusIdFor(field: ApplicationField): string {
  return field === "evidenceIds" ? "evidence-heading" : `field-${field}`;
}
