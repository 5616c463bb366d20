import { useTranslations } from "next-intl";
import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  const t = useTranslations("workspace");
  return (
    <PageSkeleton
      label={t("loading")}
      blocks={[
        "h-4 w-32 rounded",
        "h-8 w-2/3 rounded sm:w-1/3",
        "h-28 rounded-2xl",
        { columns: "lg:grid-cols-[1fr_24rem]", blocks: ["h-96 rounded-2xl", "h-72 rounded-2xl"] },
      ]}
    />
  );
}
