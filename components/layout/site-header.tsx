import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SessionExpiredBanner } from "@/components/auth/session-expired";
import { SignInLink } from "@/components/auth/sign-in-link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Bell } from "@/components/notifications/bell";
import { getCurrentUser } from "@/lib/auth/session";
import { canAccess } from "@/lib/auth/roles";
import { countUnread } from "@/lib/notifications/inbox-data";
import { LocaleSwitcher } from "./locale-switcher";

export async function SiteHeader() {
  const t = await getTranslations("nav");
  const user = await getCurrentUser();
  const unread = user ? await countUnread(user) : 0;
  const links = [
    { href: "/services", label: t("services") },
    { href: "/track", label: t("track") },
    ...(user && canAccess(user.role, "portal") ? [{ href: "/portal", label: t("portal") }] : []),
    ...(user && canAccess(user.role, "console") ? [{ href: "/console", label: t("console") }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold text-brand-900">
          <span
            aria-hidden="true"
            className="grid size-8 place-items-center rounded-lg bg-brand-600 text-white"
          >
            急
          </span>
          {t("brand")}
        </Link>
        <nav aria-label={t("main")} className="order-last w-full sm:order-none sm:w-auto">
          <ul className="flex gap-1 overflow-x-auto text-sm font-medium">
            {links.map((link) => (
              <li key={link.href}>
                <Link
                  href={link.href}
                  className="block rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100"
                >
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="ml-auto flex items-center gap-2">
          <LocaleSwitcher />
          {user ? (
            <>
              <Bell
                count={unread}
                label={unread > 0 ? t("notificationsUnread", { count: unread }) : t("notifications")}
              />
              <span className="hidden text-sm text-slate-600 md:inline">
                {t("signedInAs", { name: user.displayName })}
              </span>
              <SignOutButton label={t("signOut")} />
            </>
          ) : (
            <SignInLink
              label={t("signIn")}
              className="rounded-md px-3 py-2 text-sm font-semibold text-brand-700 hover:bg-brand-50"
            />
          )}
        </div>
      </div>
      <SessionExpiredBanner />
    </header>
  );
}
