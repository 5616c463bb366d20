import { useTranslations } from "next-intl";
import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  const t = useTranslations("admin");
  return (
    <PageSkeleton
      label={t("loading")}
      blocks={["h-8 w-2/3 rounded sm:w-1/3", "h-24 rounded-2xl", "h-72 rounded-2xl"]}
    />
  );
}
