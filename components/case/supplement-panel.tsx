import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import type { OwnCase } from "@/lib/cases/data";
import { SupplementAnswerForm } from "./supplement-answer-form";
import { colonAfter } from "@/lib/i18n/punctuation";

type Props = {
  applicationId: string;
  version: number;
  request: NonNullable<OwnCase["openSupplement"]>;
  /** False when the case cannot be answered now (the workflow decides, not this component). */
  canAnswer: boolean;
};

/** The open supplement request: what is missing, how to fix it, by when, and the answer form. */
export async function SupplementPanel({ applicationId, version, request, canAnswer }: Props) {
  const [t, format] = await Promise.all([getTranslations("case.supplement"), getFormat()]);
  return (
    <section
      aria-labelledby="supplement-heading"
      className="rounded-2xl border-2 border-amber-300 bg-amber-50 p-4 sm:p-5"
    >
      <h2 id="supplement-heading" className="text-lg font-semibold text-amber-950">
        {t("heading")}
      </h2>
      <p className="mt-1 text-amber-950">
        {t("intro", { time: format.dateTime(request.dueAt, { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      <h3 className="mt-4 font-semibold text-slate-900">{t("itemsHeading")}</h3>
      <ol className="mt-2 flex list-decimal flex-col gap-3 pl-5">
        {request.items.map((item) => (
          <li key={item.id} className="rounded-lg bg-white p-3 shadow-sm">
            <p className="break-words">
              <span className="font-semibold">{colonAfter(t("problem"), format.locale)}</span>
              {item.problem}
            </p>
            {item.suggestion && (
              <p className="mt-1 break-words text-slate-700">
                <span className="font-semibold">{colonAfter(t("suggestion"), format.locale)}</span>
                {item.suggestion}
              </p>
            )}
          </li>
        ))}
      </ol>
      {canAnswer && (
        <SupplementAnswerForm
          applicationId={applicationId}
          version={version}
          supplementRequestId={request.id}
          initialFiles={request.files}
        />
      )}
    </section>
  );
}
