import { getTranslations } from "next-intl/server";
import { FailedDeliveries } from "@/components/notifications/failed-deliveries";
import { MailList } from "@/components/notifications/mail-list";
import { NumberedPager } from "@/components/ui/pager";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireArea } from "@/lib/auth/session";
import { deliveryMode, listDevMail, listFailedNotifications } from "@/lib/notifications/data";
import { canRetryNotifications, mailboxQuerySchema, type MailboxQuery } from "@/lib/notifications/schema";

const PATH = "/console/mailbox";

export async function generateMetadata() {
  return { title: (await getTranslations("notifications.mailbox"))("title") };
}

function hrefWith(query: MailboxQuery, change: Partial<MailboxQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.failed > 1) params.set("failed", String(next.failed));
  if (next.page > 1) params.set("page", String(next.page));
  const search = params.toString();
  return search ? `${PATH}?${search}` : PATH;
}

export default async function MailboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireArea("console", PATH);
  const query = mailboxQuerySchema.parse(await searchParams);
  const [t, failed, mail] = await Promise.all([
    getTranslations("notifications.mailbox"),
    listFailedNotifications(user, query.failed),
    listDevMail(user, query.page),
  ]);
  const pageLabels = { previous: t("newer"), next: t("older") };

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <Notice>{deliveryMode(user) === "dev" ? t("modeDev") : t("modeSmtp")}</Notice>

        <section
          aria-labelledby="failed-heading"
          className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
        >
          <div>
            <h2 id="failed-heading" className="text-lg font-semibold">
              {t("failed.heading")}
            </h2>
            <p className="text-sm text-slate-600">{t("failed.intro")}</p>
          </div>
          <FailedDeliveries items={failed.items} canRetry={canRetryNotifications(user.role)} />
          <NumberedPager
            label={`${t("failed.heading")} — ${t("pagination")}`}
            hrefFor={(page) => hrefWith(query, { failed: page })}
            page={query.failed}
            hasNext={failed.hasMore}
            labels={pageLabels}
            status={t("page", { page: query.failed })}
          />
        </section>

        <section
          aria-labelledby="mail-heading"
          className="flex flex-col gap-3 rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
        >
          <h2 id="mail-heading" className="text-lg font-semibold">
            {t("mail.heading")}
          </h2>
          <MailList items={mail.items} />
          <NumberedPager
            label={`${t("mail.heading")} — ${t("pagination")}`}
            hrefFor={(page) => hrefWith(query, { page })}
            page={query.page}
            hasNext={mail.hasMore}
            labels={pageLabels}
            status={t("page", { page: query.page })}
          />
        </section>
      </div>
    </>
  );
}
