import { useTranslations } from "next-intl";

export default function Loading() {
  const t = useTranslations("workspace");
  return (
    <div aria-busy="true" className="flex flex-col gap-4">
      <p role="status" className="sr-only">
        {t("loading")}
      </p>
      <div className="h-4 w-32 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      <div className="h-8 w-2/3 animate-pulse rounded bg-slate-200 motion-reduce:animate-none sm:w-1/3" />
      <div className="h-28 animate-pulse rounded-2xl bg-slate-200 motion-reduce:animate-none" />
      <div className="grid gap-4 lg:grid-cols-[1fr_24rem]">
        <div className="h-96 animate-pulse rounded-2xl bg-slate-200 motion-reduce:animate-none" />
        <div className="h-72 animate-pulse rounded-2xl bg-slate-200 motion-reduce:animate-none" />
      </div>
    </div>
  );
}
