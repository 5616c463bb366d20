"use client";

import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormStatus } from "@/components/ui/form-status";
import { Notice } from "@/components/ui/notice";
import { useActionForm } from "@/components/ui/use-action-form";
import { revokeKey } from "@/lib/api-keys/actions";

/**
 * Revoking asks first; it cannot be undone. The action's state lives here, above the dialog: the
 * page re-renders without the dialog (the key is revoked) in the same commit as the result, and
 * only a component that stays mounted sees that result and announces it.
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
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [done, setDone] = useState<string | null>(null);
  const { pending, onSubmit, failure } = useActionForm(revokeKey, {
    onSuccess: (data) => {
      dialogRef.current?.close();
      setDone(t("done", { prefix: data.prefix }));
    },
  });
  return (
    <div className="flex flex-col gap-2">
      <FormStatus success={done} />
      {!revoked && (
        <ConfirmDialog
          id={`revoke-${keyId}`}
          tone="danger"
          openClassName="w-full sm:w-auto"
          dialogRef={dialogRef}
          onSubmit={onSubmit}
          pending={pending}
          labels={{
            open: t("openLabel", { prefix }),
            title: t("title", { prefix }),
            body: t("body"),
            confirm: t("confirm"),
            pending: t("pending"),
            cancel: tCommon("cancel"),
          }}
        >
          {failure && <Notice tone="error">{failure}</Notice>}
          <input type="hidden" name="keyId" value={keyId} />
        </ConfirmDialog>
      )}
    </div>
  );
}
