import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { listStaff } from "@/lib/staff/data";
import { StatusBadge } from "./status-badge";

type StaffRow = Awaited<ReturnType<typeof listStaff>>["items"][number];

/** Scrolls sideways inside its own box on narrow screens, so the page itself never does. */
export async function StaffTable({ items }: { items: StaffRow[] }) {
  const [t, tRoles] = await Promise.all([getTranslations("admin.staff"), getTranslations("roles")]);
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead className="border-b border-slate-200 text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-3 font-medium">{t("table.name")}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t("table.email")}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t("table.role")}</th>
            <th scope="col" className="py-2 pr-3 font-medium">{t("table.status")}</th>
            <th scope="col" className="py-2 text-right font-medium">{t("table.openCases")}</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((user) => (
            <tr key={user.id}>
              <th scope="row" className="py-1 pr-3 font-semibold">
                <Link href={`/console/admin/staff/${user.id}`} className="inline-flex min-h-11 items-center text-brand-700 hover:underline">
                  {user.displayName}
                </Link>
              </th>
              <td className="py-1 pr-3 break-all text-slate-700">{user.email}</td>
              <td className="py-1 pr-3">{tRoles(user.role)}</td>
              <td className="py-1 pr-3">
                <StatusBadge active={user.active} label={user.active ? t("active") : t("inactive")} />
              </td>
              <td className="py-1 text-right tabular-nums">{user.openCases}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
