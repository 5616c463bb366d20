"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";

const THROTTLED_PREFIX = "throttled:";
// The server failed (lib/auth/unavailable.ts); what follows is the reference in its log.
const UNAVAILABLE_PREFIX = "unavailable:";

export function SignInForm({ callbackUrl, registered }: { callbackUrl: string; registered?: boolean }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        // The server decides where each role lands (see app/signin/continue).
        router.replace(`/signin/continue?callbackUrl=${encodeURIComponent(callbackUrl)}`);
        router.refresh();
        return;
      }
      if (result?.error?.startsWith(THROTTLED_PREFIX)) {
        const minutes = Math.max(1, Math.ceil(Number(result.error.slice(THROTTLED_PREFIX.length)) / 60));
        setError(t("throttled", { minutes }));
      } else if (result?.error?.startsWith(UNAVAILABLE_PREFIX)) {
        setError(t("unavailable", { id: result.error.slice(UNAVAILABLE_PREFIX.length).replace(/[^0-9a-f]/g, "").slice(0, 16) }));
      } else {
        setError(t("invalidCredentials"));
      }
    } catch {
      setError(t("networkError"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {registered && <Notice tone="success">{t("registeredNotice")}</Notice>}
      {error && <Notice tone="error">{error}</Notice>}
      <TextField name="email" type="email" label={t("email")} autoComplete="email" inputMode="email" required />
      <TextField name="password" type="password" label={t("password")} autoComplete="current-password" required />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
