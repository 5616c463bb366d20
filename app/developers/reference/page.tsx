import { getTranslations } from "next-intl/server";
import { ApiReference, type ReferenceLabels } from "@/components/developers/api-reference";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { apiDocument } from "@/lib/api/openapi/path-groups";
import { referenceModel } from "@/lib/developers/reference-model";

export async function generateMetadata() {
  return { title: (await getTranslations("developers"))("reference.title") };
}

const LABELS = [
  "operations",
  "schemas",
  "server",
  "scopes",
  "parameters",
  "requestBody",
  "responses",
  "headers",
  "noOperations",
  "events",
  "eventsIntro",
  "required",
  "optional",
  "oneOf",
  "arrayOf",
  "values",
  "nullable",
  "noProperties",
] as const satisfies readonly (keyof ReferenceLabels)[];

/** Public: the rendered OpenAPI document, our own headings in the reader's language. */
export default async function ApiReferencePage() {
  const t = await getTranslations("developers");
  const labels = Object.fromEntries(LABELS.map((key) => [key, t(`reference.${key}`)])) as ReferenceLabels;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("reference.title")}
        description={t("reference.intro")}
        actions={<TextLink href="/developers">{t("reference.back")}</TextLink>}
      />
      <p className="mb-4">
        <TextLink href="/api/v1/openapi.json" prefetch={false}>
          {t("openapiLink")}
        </TextLink>
      </p>
      <ApiReference
        model={referenceModel(apiDocument() as unknown as Record<string, unknown>)}
        labels={labels}
      />
    </div>
  );
}
