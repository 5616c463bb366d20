import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { InboxList } from "@/components/notifications/inbox-list";
import { InboxMarkAll } from "@/components/notifications/inbox-mark-all";
import { NumberedPager } from "@/components/ui/pager";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/session";
import { countUnread, listNotifications } from "@/lib/notifications/inbox-data";
import { inboxQuerySchema } from "@/lib/notifications/inbox-schema";

const PATH = "/notifications";

const hrefFor = (page: number) => (page > 1 ? `${PATH}?page=${page}` : PATH);

export async function generateMetadata() {
  return { title: (await getTranslations("notifications.inbox"))("title") };
}

/** Every signed-in user's own notifications (applicants and staff alike), newest first. */
export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { page } = inboxQuerySchema.parse(await searchParams);
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(hrefFor(page))}`);
  const [t, locale] = await Promise.all([getTranslations("notifications.inbox"), getLocale()]);
  // Rendered in the language the site is read in now, whatever it was when each was queued.
  const [list, unread] = await Promise.all([listNotifications(user, { page, locale }), countUnread(user)]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<InboxMarkAll unread={unread} />}
      />
      <div className="flex flex-col gap-4">
        {unread > 0 && <p className="font-medium text-slate-800">{t("unreadCount", { count: unread })}</p>}
        <InboxList items={list.items} />
        <NumberedPager
          label={t("pagination")}
          hrefFor={hrefFor}
          page={page}
          hasNext={list.hasMore}
          labels={{ previous: t("newer"), next: t("older") }}
          status={t("page", { page })}
        />
      </div>
    </>
  );
}
