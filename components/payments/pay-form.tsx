"use client";

import { useTranslations } from "next-intl";
import { unstable_rethrow } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { announceSessionExpired, SignInAgainLink } from "@/components/auth/session-expired";
import { SESSION_EXPIRED_MESSAGE, isSessionExpired, type ActionResult } from "@/lib/action-result";
import { payForApplication } from "@/lib/payments/actions";
import type { PaymentMethod } from "@/lib/payments/provider";

/**
 * Pay now (simulated) or pay at the counter. Both buttons are disabled while a request is out,
 * and the server would not charge twice anyway.
 */
export function PayForm({
  number,
  totalText,
  counterChosen,
}: {
  number: string;
  totalText: string;
  counterChosen: boolean;
}) {
  const t = useTranslations();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [chosen, setChosen] = useState<PaymentMethod | null>(null);

  // Each button says what it does; not a form submit, whose "submitter" older browsers do not report.
  function pay(method: PaymentMethod) {
    if (pending) return;
    const formData = new FormData();
    formData.set("number", number);
    formData.set("method", method);
    setChosen(method);
    setMessage(null);
    startTransition(async () => {
      let result: ActionResult;
      try {
        result = await payForApplication(null, formData);
      } catch (error) {
        // Success is a redirect (to the receipt, or back here with counter instructions).
        unstable_rethrow(error);
        setMessage("payment.errors.network");
        return;
      }
      if (!result.ok) setMessage(result.message);
      if (isSessionExpired(result)) announceSessionExpired();
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {message && (
        <Notice tone="error">
          {t.has(message) ? t(message) : t("payment.errors.network")}
          {message === SESSION_EXPIRED_MESSAGE && (
            <>
              {" "}
              <SignInAgainLink />
            </>
          )}
        </Notice>
      )}
      <Button
        type="button"
        onClick={() => pay("online")}
        disabled={pending}
        aria-busy={pending && chosen === "online"}
      >
        {pending && chosen === "online" ? t("payment.paying") : t("payment.payNow", { amount: totalText })}
      </Button>
      <p className="text-xs text-slate-600">{t("payment.simulatedNote")}</p>
      {!counterChosen && (
        <Button
          type="button"
          onClick={() => pay("counter")}
          variant="secondary"
          disabled={pending}
          aria-busy={pending && chosen === "counter"}
        >
          {t("payment.payAtCounter")}
        </Button>
      )}
    </div>
  );
}
