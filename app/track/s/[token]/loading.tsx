import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("track.shared");
  return (
    <div aria-busy="true" className="flex flex-col gap-4">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <div className="h-8 w-2/3 animate-pulse rounded bg-slate-200 motion-reduce:animate-none sm:w-1/3" />
      <div className="h-24 animate-pulse rounded-2xl bg-slate-200 motion-reduce:animate-none" />
      <div className="h-72 animate-pulse rounded-2xl bg-slate-200 motion-reduce:animate-none" />
    </div>
  );
}
