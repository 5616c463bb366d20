import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { cn } from "@/components/ui/cn";
import type { ApiClientListItem } from "@/lib/api-keys/data";
import { getFormat } from "@/lib/i18n/server-format";
import { CreateApiKeyForm } from "./create-api-key-form";
import { RevokeApiKey } from "./revoke-api-key";

type KeyStatus = "active" | "revoked" | "expired";

function statusOf(key: ApiClientListItem["keys"][number], now: Date): KeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** One client: who it is, its keys (prefix, scopes, expiry, last use, status) and a form for a new key. */
export async function ApiClientCard({ client, now }: { client: ApiClientListItem; now: Date }) {
  const [t, format] = await Promise.all([getTranslations("admin.apiKeys"), getFormat()]);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const headingId = `client-${client.id}`;
  return (
    <li>
      <section
        aria-labelledby={headingId}
        className="rounded-2xl border border-slate-200 bg-white p-4 sm:p-5"
      >
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <h2 id={headingId} className="text-lg font-semibold break-words">
            {client.name}
          </h2>
          <span className="rounded-full bg-slate-100 px-2 py-1 text-xs font-medium text-slate-800">
            {t(`kinds.${client.kind}`)}
          </span>
        </div>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-600">{t("client.contact")}</dt>
          <dd className="break-all">{client.contactEmail}</dd>
          {client.kind === "INTERNAL" && (
            <>
              <dt className="text-slate-600">{t("client.actsAs")}</dt>
              <dd>
                {client.user.displayName}
                {!client.user.active && <span className="text-red-800"> {t("client.inactiveStaff")}</span>}
              </dd>
            </>
          )}
          <dt className="text-slate-600">{t("client.created")}</dt>
          <dd>{when(client.createdAt)}</dd>
        </dl>
        <div className="mt-4">
          {client.keys.length === 0 ? (
            <p className="text-sm text-slate-600">{t("table.noKeys")}</p>
          ) : (
            <DataTable
              caption={t("table.caption", { name: client.name })}
              className="min-w-[52rem]"
              alignTop
              columns={[
                { label: t("table.name") },
                { label: t("table.prefix") },
                { label: t("table.scopes") },
                { label: t("table.expires") },
                { label: t("table.lastUsed") },
                { label: t("table.status") },
                { label: t("table.actions") },
              ]}
            >
              {client.keys.map((key) => {
                const status = statusOf(key, now);
                return (
                  <tr key={key.id}>
                    <th scope="row" className="py-2 pr-3 font-normal break-words">
                      {key.name}
                    </th>
                    <td className="py-2 pr-3 font-mono text-xs">{key.prefix}</td>
                    <td className="py-2 pr-3">
                      <ul>
                        {key.scopes.map((scope) => (
                          <li key={scope}>
                            <code className="text-xs">{scope}</code>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td className="py-2 pr-3">{key.expiresAt ? when(key.expiresAt) : t("table.noExpiry")}</td>
                    <td className="py-2 pr-3">{key.lastUsedAt ? when(key.lastUsedAt) : t("table.never")}</td>
                    <td className="py-2 pr-3">
                      <span
                        className={cn(
                          "inline-flex rounded-full px-2 py-1 text-xs font-medium",
                          status === "active"
                            ? "bg-emerald-100 text-emerald-900"
                            : "bg-slate-200 text-slate-700",
                        )}
                      >
                        {t(`status.${status}`)}
                      </span>
                    </td>
                    <td className="py-2">
                      <RevokeApiKey keyId={key.id} prefix={key.prefix} revoked={status === "revoked"} />
                    </td>
                  </tr>
                );
              })}
            </DataTable>
          )}
          {client.keyCount > client.keys.length && (
            <p className="mt-2 text-sm text-slate-600">
              {t("client.keysShown", { shown: client.keys.length, count: client.keyCount })}
            </p>
          )}
        </div>
        <div className="mt-4">
          <CreateApiKeyForm clientId={client.id} clientName={client.name} kind={client.kind} />
        </div>
      </section>
    </li>
  );
}
