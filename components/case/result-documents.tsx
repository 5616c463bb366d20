import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import type { OwnCase } from "@/lib/cases/data";

/** Download links for the issued result (served, with its own authorization, by the evidence route). */
export async function ResultDocuments({ documents }: { documents: OwnCase["resultDocuments"] }) {
  const t = await getTranslations("case.result");
  return (
    <section
      aria-labelledby="result-heading"
      className="rounded-2xl border border-emerald-200 bg-emerald-50 p-4 sm:p-5"
    >
      <h2 id="result-heading" className="text-lg font-semibold text-emerald-950">
        {t("heading")}
      </h2>
      {documents.length === 0 ? (
        <p className="mt-1 text-emerald-950">{t("none")}</p>
      ) : (
        <>
          <p className="mt-1 text-emerald-950">{t("intro")}</p>
          <ul className="mt-3 flex flex-col gap-2">
            {documents.map((document) => (
              <li key={document.id}>
                {/* A plain link: the route answers with Content-Disposition, no client code needed. */}
                <a
                  href={`/api/evidence/${document.id}`}
                  download={document.originalName}
                  className={buttonClasses("primary", "w-full break-all sm:w-auto")}
                >
                  {t("download", { name: document.originalName })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
