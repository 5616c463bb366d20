"use client";

import { useTranslations } from "next-intl";
import { usePathname } from "next/navigation";
import { useActionForm } from "@/components/ui/use-action-form";
import { resendConfirmationEmail } from "@/lib/auth/actions";

/**
 * Shown across the portal until the applicant has used the emailed link; filing is refused on the
 * server meanwhile. A new link leads back to the page it was asked for from.
 */
export function EmailConfirmationNotice({ email }: { email: string }) {
  const t = useTranslations("auth.confirm");
  const pathname = usePathname();
  const { state, pending, formAction, failure } = useActionForm(resendConfirmationEmail);
  return (
    <section
      aria-labelledby="confirm-email-heading"
      className="mb-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <h2 id="confirm-email-heading" className="font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1">{t("pending", { email })}</p>
      <form action={formAction} className="mt-2 flex flex-wrap items-center gap-3">
        <input type="hidden" name="next" value={pathname} />
        <button
          type="submit"
          disabled={pending}
          aria-busy={pending}
          className="min-h-11 rounded-md border border-amber-300 bg-white px-3 py-2 font-semibold text-amber-900 hover:bg-amber-100"
        >
          {pending ? t("resending") : t("resend")}
        </button>
        <p role="status" aria-live="polite">
          {state?.ok ? t("resent", { email }) : failure}
        </p>
      </form>
    </section>
  );
}
