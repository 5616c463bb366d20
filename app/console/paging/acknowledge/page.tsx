import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { AcknowledgePageForm } from "@/components/paging/acknowledge-page-form";
import { formatApplicationNumber } from "@/lib/applications/application-number";
import { requireArea } from "@/lib/auth/session";
import { getFormat } from "@/lib/i18n/server-format";
import { findPageForLink } from "@/lib/paging/data";
import { ACK_PAGE_PATH } from "@/lib/paging/page-rules";

export async function generateMetadata() {
  return { title: (await getTranslations("rota.paging"))("title") };
}

/**
 * Where a page's link leads (decision 036). Opening it changes nothing: the recipient, signed in,
 * presses the button, so a mail scanner that follows links acknowledges nothing. A link that is
 * unknown, expired or someone else's is a 404 with its own explanation (not-found.tsx).
 */
export default async function AcknowledgePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token: raw } = await searchParams;
  const token = typeof raw === "string" ? raw.slice(0, 128) : "";
  const user = await requireArea("console", ACK_PAGE_PATH);
  const page = await findPageForLink(user, token, new Date());
  if (!page) notFound();
  const [t, format] = await Promise.all([getTranslations("rota.paging"), getFormat()]);
  const number = formatApplicationNumber(page.number);
  return (
    <>
      <PageHeader title={t("title")} description={t(`reasons.${page.reason}`, { number })} />
      <Card headingId="page-heading" heading={t("heading", { number })}>
        <div className="flex flex-col gap-4">
          <p className="text-slate-700">
            {t("sentAt", {
              time: format.dateTime(page.createdAt, { dateStyle: "medium", timeStyle: "short" }),
            })}
          </p>
          {page.acknowledgedAt ? (
            <p role="status" className="font-semibold text-emerald-800">
              {t("acknowledgedAt", {
                time: format.dateTime(page.acknowledgedAt, { dateStyle: "medium", timeStyle: "short" }),
              })}
            </p>
          ) : (
            <AcknowledgePageForm token={token} />
          )}
          <TextLink href={`/console/cases/${encodeURIComponent(page.number)}`}>
            {t("openCase", { number })}
          </TextLink>
        </div>
      </Card>
    </>
  );
}
