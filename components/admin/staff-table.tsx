import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import type { listStaff } from "@/lib/staff/data";
import { StatusBadge } from "./status-badge";
import { TextLink } from "@/components/ui/text-link";

type StaffRow = Awaited<ReturnType<typeof listStaff>>["items"][number];

export async function StaffTable({ items }: { items: StaffRow[] }) {
  const [t, tRoles] = await Promise.all([getTranslations("admin.staff"), getTranslations("roles")]);
  return (
    <DataTable
      caption={t("table.caption")}
      className="min-w-[40rem]"
      columns={[
        { label: t("table.name") },
        { label: t("table.email") },
        { label: t("table.role") },
        { label: t("table.status") },
        { label: t("table.openCases"), className: "text-right" },
      ]}
    >
      {items.map((user) => (
        <tr key={user.id}>
          <th scope="row" className="py-1 pr-3 font-semibold">
            <TextLink href={`/console/admin/staff/${user.id}`} size="inherit" className="font-normal">
              {user.displayName}
            </TextLink>
          </th>
          <td className="py-1 pr-3 break-all text-slate-700">{user.email}</td>
          <td className="py-1 pr-3">{tRoles(user.role)}</td>
          <td className="py-1 pr-3">
            <StatusBadge active={user.active} label={user.active ? t("active") : t("inactive")} />
          </td>
          <td className="py-1 text-right tabular-nums">{user.openCases}</td>
        </tr>
      ))}
    </DataTable>
  );
}
