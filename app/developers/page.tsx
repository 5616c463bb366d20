import { getTranslations } from "next-intl/server";
import { Fragment, type ReactNode } from "react";
import { CodeBlock } from "@/components/developers/code-block";
import { Prose } from "@/components/developers/prose";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { API_SCOPES } from "@/lib/api/scopes";
import { PROBLEM_STATUS, type ProblemCode } from "@/lib/api/problem";
import * as examples from "@/lib/developers/quick-start";
import { serverEnv } from "@/lib/env";

export async function generateMetadata() {
  return { title: (await getTranslations("developers"))("title") };
}

const SECTIONS = [
  "start",
  "keys",
  "submit",
  "transition",
  "progress",
  "webhooks",
  "errors",
  "limits",
  "idempotency",
] as const;

/** Public: what a partner's developer needs to connect, end to end, with copyable examples. */
export default async function DevelopersPage() {
  const t = await getTranslations("developers");
  const context = examples.quickStartContext(serverEnv().APP_URL, new Date());
  const copyLabels = { copy: t("copy.copy"), copied: t("copy.copied"), failed: t("copy.failed") };
  const code = (id: string, title: string, text: string) => (
    <CodeBlock
      id={id}
      title={title}
      code={text}
      labels={copyLabels}
      regionLabel={t("copy.region", { title })}
    />
  );
  const section = (id: (typeof SECTIONS)[number], children: ReactNode) => (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4">
      <h2 id={`${id}-title`} className="mb-3 mt-10 text-xl font-bold text-slate-900">
        {t(`${id}.title`)}
      </h2>
      {children}
    </section>
  );
  // Values shown as code inside a sentence: quoted, so Prose sets them as code.
  const codeList = (values: readonly string[]) =>
    values.map((value) => `“${value}”`).join(t("listSeparator"));
  const p = (text: string) => (
    <p className="my-3 leading-relaxed text-slate-700">
      <Prose text={text} />
    </p>
  );

  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("title")} description={t("intro")} />
      <nav aria-labelledby="toc-title" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="toc-title" className="text-sm font-semibold text-slate-900">
          {t("toc")}
        </h2>
        <ul className="mt-1 grid gap-x-6 sm:grid-cols-2">
          {SECTIONS.map((id) => (
            <li key={id}>
              <TextLink href={`#${id}`}>{t(`${id}.title`)}</TextLink>
            </li>
          ))}
          <li>
            <TextLink href="/developers/reference">{t("referenceLink")}</TextLink>
          </li>
        </ul>
      </nav>

      {section(
        "start",
        <>
          {p(t("start.body", { base: `“${context.origin}/api/v1”` }))}
          {p(t("start.documents"))}
          <ul className="list-disc pl-6">
            <li>
              <TextLink href="/developers/reference">{t("referenceLink")}</TextLink>
            </li>
            <li>
              <TextLink href="/api/v1/openapi.json" prefetch={false}>
                {t("openapiLink")}
              </TextLink>
            </li>
          </ul>
        </>,
      )}

      {section(
        "keys",
        <>
          <ol className="my-3 list-decimal space-y-2 pl-6 leading-relaxed text-slate-700">
            {(["console", "client", "key"] as const).map((step) => (
              <li key={step}>
                <Prose text={t(`keys.steps.${step}`)} />
              </li>
            ))}
          </ol>
          <Table
            caption={t("keys.scopesCaption")}
            head={[t("keys.scope"), t("keys.allows")]}
            widths={["w-2/5", ""]}
            rows={API_SCOPES.map((scope) => ({
              id: scope,
              cells: [<BreakableCode key="s" value={scope} />, t(`keys.scopes.${scope}`)],
            }))}
          />
          {p(t("keys.steps.environment"))}
          {code("environment", "Terminal · environment", examples.environmentSetup(context))}
        </>,
      )}

      {section(
        "submit",
        <>
          {p(t("submit.body"))}
          {p(t("submit.file"))}
          {code("application-json", "Terminal · application.json", examples.applicationFile(context))}
          {p(t("submit.multipart"))}
          {code("submit-multipart", "Terminal · curl (multipart)", examples.curlSubmitMultipart())}
          {p(t("submit.typescript"))}
          {code("submit-ts", "submit.ts", examples.fetchSubmit(context))}
        </>,
      )}

      {section(
        "transition",
        <>
          {p(t("transition.body", { transitions: codeList(examples.TRANSITIONS) }))}
          {code("transition-curl", "Terminal · curl (transition)", examples.curlTransition())}
          {p(t("transition.conflict"))}
          {code("transition-ts", "advance.ts", examples.fetchTransition(context))}
        </>,
      )}

      {section(
        "progress",
        <>
          {p(t("progress.body"))}
          {p(t("progress.list"))}
          {code("progress-curl", "Terminal · curl (progress)", examples.curlProgress())}
          {code("progress-ts", "progress.ts", examples.fetchProgress(context))}
        </>,
      )}

      {section(
        "webhooks",
        <>
          {p(t("webhooks.body", { events: codeList(examples.WEBHOOK_EVENTS) }))}
          {code("webhook-register", "Terminal · curl (webhook)", examples.curlRegisterWebhook())}
          {p(t("webhooks.delivery"))}
          <ul className="my-3 list-disc space-y-1 pl-6 leading-relaxed text-slate-700">
            {(["raw", "window", "compare", "ack", "dedupe"] as const).map((rule) => (
              <li key={rule}>
                <Prose text={t(`webhooks.rules.${rule}`)} />
              </li>
            ))}
          </ul>
          {p(t("webhooks.noCurl"))}
          {code("verify-webhook", "verify-webhook.ts", examples.VERIFY_WEBHOOK)}
          {code("webhook-receiver", "receiver.ts", examples.WEBHOOK_RECEIVER)}
        </>,
      )}

      {section(
        "errors",
        <>
          {p(t("errors.body"))}
          {code("problem", "HTTP · 422", examples.problemExample())}
          <Table
            caption={t("errors.caption")}
            head={[t("errors.code"), t("errors.status"), t("errors.meaning")]}
            widths={["w-2/5", "w-16", ""]}
            rows={(Object.keys(PROBLEM_STATUS) as ProblemCode[]).map((problem) => ({
              // The problems' `type` points here (lib/api/problem.ts): /developers#problem-<code>.
              id: `problem-${problem}`,
              cells: [
                <BreakableCode key="c" value={problem} />,
                String(PROBLEM_STATUS[problem]),
                <Prose key="m" text={t(`errors.codes.${problem}`)} />,
              ],
            }))}
          />
        </>,
      )}

      {section("limits", p(t("limits.body")))}

      {section(
        "idempotency",
        <ul className="my-3 list-disc space-y-1 pl-6 leading-relaxed text-slate-700">
          {(["required", "same", "different", "running"] as const).map((rule) => (
            <li key={rule}>
              <Prose text={t(`idempotency.rules.${rule}`)} />
            </li>
          ))}
        </ul>,
      )}
    </div>
  );
}

/** A code that may wrap after its underscores on a phone, never inside a word. */
function BreakableCode({ value }: { value: string }) {
  return (
    <code>
      {value.split("_").map((part, index) => (
        <Fragment key={index}>
          {index > 0 && (
            <>
              _<wbr />
            </>
          )}
          {part}
        </Fragment>
      ))}
    </code>
  );
}

function Table({
  caption,
  head,
  widths,
  rows,
}: {
  caption: string;
  head: string[];
  /** A width class per column (table-fixed); "" leaves the rest to that column. */
  widths: string[];
  rows: { id: string; cells: ReactNode[] }[];
}) {
  return (
    <table className="my-4 w-full table-fixed border-collapse text-sm">
      <caption className="mb-2 text-left font-semibold text-slate-900">{caption}</caption>
      <thead>
        <tr className="border-b border-slate-300 text-left text-slate-700">
          {head.map((cell, index) => (
            <th key={cell} scope="col" className={`py-2 pr-3 font-semibold ${widths[index] ?? ""}`}>
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            id={row.id}
            className="scroll-mt-4 border-b border-slate-200 align-top target:bg-brand-50"
          >
            {row.cells.map((cell, index) => (
              <td key={index} className="py-2 pr-3 text-slate-700 [overflow-wrap:anywhere]">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
