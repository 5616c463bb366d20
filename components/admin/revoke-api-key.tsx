"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmActionDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { revokeKey } from "@/lib/api-keys/actions";

/**
 * Revoking asks first; it cannot be undone. Stays mounted once the key is revoked (without its button),
 * so the result it announces outlives the page's refresh.
 */
export function RevokeApiKey({
  keyId,
  prefix,
  revoked,
}: {
  keyId: string;
  prefix: string;
  revoked: boolean;
}) {
  const t = useTranslations("admin.apiKeys.revoke");
  const tCommon = useTranslations("admin.common");
  const [done, setDone] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <FormStatus success={done} />
      {!revoked && (
        <ConfirmActionDialog
          id={`revoke-${keyId}`}
          tone="danger"
          openClassName="w-full sm:w-auto"
          action={revokeKey}
          fields={{ keyId }}
          labels={{
            open: t("openLabel", { prefix }),
            title: t("title", { prefix }),
            body: t("body"),
            confirm: t("confirm"),
            pending: t("pending"),
            cancel: tCommon("cancel"),
          }}
          onSuccess={(data) => setDone(t("done", { prefix: data.prefix }))}
        />
      )}
    </div>
  );
}
