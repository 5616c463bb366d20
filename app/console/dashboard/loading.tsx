import { useTranslations } from "next-intl";
import { PageSkeleton } from "@/components/ui/page-skeleton";

// The dashboard's shape while its queries run, so the page does not jump when the numbers arrive.
export default function Loading() {
  const t = useTranslations("dashboard");
  return (
    <PageSkeleton
      label={t("loading")}
      blocks={[
        "h-8 w-1/3 rounded",
        "h-40 rounded-2xl sm:h-28",
        "h-64 rounded-2xl",
        { columns: "lg:grid-cols-2", blocks: ["h-72 rounded-2xl", "h-72 rounded-2xl"] },
        "h-80 rounded-2xl",
      ]}
    />
  );
}
