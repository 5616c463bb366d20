import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormat } from "@/lib/i18n/server-format";
import { TrackResult } from "@/components/track/track-result";
import { buttonClasses } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { lookupSharedCase } from "@/lib/lookup/lookup";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("track.shared");
  // The token is a credential: keep it out of search engines and out of Referer headers.
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** A share link made by the applicant (lib/lookup/share-token.ts): the public view, no ID number needed. */
export default async function SharedTrackPage({ params }: Props) {
  const { token } = await params;
  const [result, t, format] = await Promise.all([
    lookupSharedCase(token, new Date()),
    getTranslations("track.shared"),
    getFormat(),
  ]);

  if (!result.ok) {
    return (
      <>
        <PageHeader title={t("title")} />
        <div className="flex max-w-xl flex-col gap-4">
          <Notice tone="error">
            {result.reason === "expired"
              ? t("expired", { time: format.dateTime(result.expiredAt, WHEN) })
              : t("invalid")}
          </Notice>
          <Link href="/track" className={buttonClasses("primary", "w-full sm:w-auto sm:self-start")}>
            {t("lookUp")}
          </Link>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("validUntil", { time: format.dateTime(result.expiresAt, WHEN) })}
      />
      <TrackResult view={result.view} headingId="shared-result" />
    </>
  );
}
