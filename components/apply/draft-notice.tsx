"use client";

import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { useEffect, useRef, useState } from "react";
import { Button, buttonClasses } from "@/components/ui/button";

/** "We restored your unfinished application", with Start over behind a confirmation. */
export function DraftNotice({
  savedAt,
  idNumberForgotten,
  onStartOver,
}: {
  savedAt: Date;
  idNumberForgotten: boolean;
  onStartOver: () => void;
}) {
  const t = useTranslations("apply.draft");
  const format = useFormat();
  const [confirming, setConfirming] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    // The safe choice gets focus, so a stray Enter does not throw the answers away.
    if (confirming) keepButton.current?.focus();
  }, [confirming]);

  return (
    <section
      aria-labelledby="draft-notice"
      className="rounded-lg border border-brand-100 bg-brand-50 px-4 py-3 text-sm text-brand-900"
    >
      <h2 id="draft-notice" className="font-semibold">
        {t("restored")}
      </h2>
      <p className="mt-1">
        {t("savedAt", { time: format.dateTime(savedAt, { dateStyle: "medium", timeStyle: "short" }) })}
      </p>
      {idNumberForgotten && <p className="mt-1">{t("idNumberNotKept")}</p>}
      {confirming ? (
        <div role="group" aria-labelledby="start-over-question" className="mt-3 flex flex-col gap-2">
          <p id="start-over-question" className="font-medium">
            {t("confirmQuestion")}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={onStartOver}>
              {t("confirmYes")}
            </Button>
            <button
              ref={keepButton}
              type="button"
              className={buttonClasses("secondary")}
              onClick={() => setConfirming(false)}
            >
              {t("confirmNo")}
            </button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" className="mt-3" onClick={() => setConfirming(true)}>
          {t("startOver")}
        </Button>
      )}
    </section>
  );
}
