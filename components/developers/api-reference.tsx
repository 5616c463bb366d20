import type { ReferenceModel, ReferenceOperation } from "@/lib/developers/reference-model";
import { anchorOf } from "@/lib/developers/reference-model";
import { Described } from "./prose";
import { SchemaView, type SchemaLabels } from "./schema-view";

export type ReferenceLabels = SchemaLabels & {
  operations: string;
  schemas: string;
  server: string;
  scopes: string;
  parameters: string;
  requestBody: string;
  responses: string;
  headers: string;
  noOperations: string;
  events: string;
  eventsIntro: string;
};

const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-brand-100 text-brand-900",
  POST: "bg-emerald-100 text-emerald-900",
  DELETE: "bg-red-100 text-red-900",
};

/** The partner API's reference, rendered on the server from the OpenAPI document (no script needed). */
export function ApiReference({ model, labels }: { model: ReferenceModel; labels: ReferenceLabels }) {
  const operations = model.groups.flatMap((group) => group.operations);
  return (
    <div className="min-w-0">
      <p className="text-sm text-slate-700">
        {model.title} · v{model.version} · {labels.server} <code>{model.server}</code>
      </p>
      {model.description ? (
        <p className="mt-2 text-slate-700">
          <Described text={model.description} />
        </p>
      ) : null}

      <nav
        aria-labelledby="operations-title"
        className="mt-6 rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="operations-title" className="text-sm font-semibold text-slate-900">
          {labels.operations}
        </h2>
        {operations.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">{labels.noOperations}</p>
        ) : null}
        <ul className="mt-2 space-y-1 text-sm">
          {operations.map((operation) => (
            <li key={operation.id}>
              <a
                href={`#${anchorOf("operation", operation.id)}`}
                className="text-brand-700 underline [overflow-wrap:anywhere]"
              >
                {operation.method} {operation.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {model.groups.map((group) => (
        <section key={group.tag} aria-labelledby={anchorOf("schema", `tag-${group.tag}`)} className="mt-10">
          <h2 id={anchorOf("schema", `tag-${group.tag}`)} className="text-xl font-bold text-slate-900">
            {group.tag}
          </h2>
          {group.description ? (
            <p className="mt-1 text-slate-700">
              <Described text={group.description} />
            </p>
          ) : null}
          {group.operations.map((operation) => (
            <Operation key={operation.id} operation={operation} labels={labels} />
          ))}
        </section>
      ))}

      {model.events.length > 0 ? (
        <section aria-labelledby="events-title" className="mt-10">
          <h2 id="events-title" className="text-xl font-bold text-slate-900">
            {labels.events}
          </h2>
          <p className="mt-1 text-slate-700">{labels.eventsIntro}</p>
          {model.events.map((operation) => (
            <Operation key={operation.id} operation={operation} labels={labels} />
          ))}
        </section>
      ) : null}

      {model.schemas.length > 0 ? (
        <section aria-labelledby="schemas-title" className="mt-10">
          <h2 id="schemas-title" className="text-xl font-bold text-slate-900">
            {labels.schemas}
          </h2>
          {model.schemas.map(({ name, schema }) => (
            <section
              key={name}
              id={anchorOf("schema", name)}
              aria-labelledby={`${anchorOf("schema", name)}-title`}
              className="mt-4 scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4"
            >
              <h3 id={`${anchorOf("schema", name)}-title`} className="font-mono font-semibold text-slate-900">
                {name}
              </h3>
              {schema.description ? (
                <p className="mt-1 text-sm text-slate-600">{String(schema.description)}</p>
              ) : null}
              <div className="mt-2">
                <SchemaView schema={schema} labels={labels} />
              </div>
            </section>
          ))}
        </section>
      ) : null}
    </div>
  );
}

function Operation({ operation, labels }: { operation: ReferenceOperation; labels: ReferenceLabels }) {
  const anchor = anchorOf("operation", operation.id);
  return (
    <article
      id={anchor}
      aria-labelledby={`${anchor}-title`}
      className="mt-6 scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h3 id={`${anchor}-title`} className="flex flex-wrap items-center gap-2 font-semibold text-slate-900">
        <span
          className={`rounded px-2 py-0.5 font-mono text-xs ${METHOD_COLOURS[operation.method] ?? "bg-slate-100 text-slate-900"}`}
        >
          {operation.method}
        </span>
        <code className="[overflow-wrap:anywhere]">{operation.path}</code>
      </h3>
      {operation.summary ? <p className="mt-1 font-medium text-slate-800">{operation.summary}</p> : null}
      {operation.description ? (
        <p className="mt-1 whitespace-pre-line text-sm text-slate-700">
          <Described text={operation.description} />
        </p>
      ) : null}
      <p className="mt-2 text-xs text-slate-600">
        <code>{operation.id}</code>
        {operation.scopes.length > 0 ? (
          <>
            {" · "}
            {labels.scopes}:{" "}
            {operation.scopes.map((scope) => (
              <code key={scope} className="mr-1">
                {scope}
              </code>
            ))}
          </>
        ) : null}
      </p>

      {operation.parameters.length > 0 ? (
        <>
          <h4 className="mt-4 text-sm font-semibold text-slate-900">{labels.parameters}</h4>
          <ul className="mt-1 space-y-2">
            {operation.parameters.map((parameter) => (
              <li key={`${parameter.in}-${parameter.name}`} className="text-sm">
                <div className="flex flex-wrap items-baseline gap-x-2">
                  <code className="font-semibold [overflow-wrap:anywhere]">{parameter.name}</code>
                  <span className="text-xs text-slate-600">{parameter.in}</span>
                  <span
                    className={
                      parameter.required ? "text-xs font-semibold text-red-700" : "text-xs text-slate-600"
                    }
                  >
                    {parameter.required ? labels.required : labels.optional}
                  </span>
                </div>
                {parameter.schema ? <SchemaView schema={parameter.schema} labels={labels} depth={1} /> : null}
                {parameter.description ? (
                  <p className="text-slate-600">
                    <Described text={parameter.description} />
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {operation.requestBody ? (
        <>
          <h4 className="mt-4 text-sm font-semibold text-slate-900">
            {labels.requestBody}
            {operation.requestBody.required ? ` · ${labels.required}` : ""}
          </h4>
          {operation.requestBody.description ? (
            <p className="text-sm text-slate-600">{operation.requestBody.description}</p>
          ) : null}
          {operation.requestBody.contents.map((content) => (
            <div key={content.mediaType} className="mt-1">
              <p className="font-mono text-xs text-slate-600">{content.mediaType}</p>
              {content.schema ? <SchemaView schema={content.schema} labels={labels} /> : null}
            </div>
          ))}
        </>
      ) : null}

      <h4 className="mt-4 text-sm font-semibold text-slate-900">{labels.responses}</h4>
      <ul className="mt-1 space-y-3">
        {operation.responses.map((response) => (
          <li key={response.status} className="text-sm">
            <p>
              <span className="font-mono font-semibold text-slate-900">{response.status}</span>{" "}
              <span className="text-slate-700">
                <Described text={response.description} />
              </span>
            </p>
            {response.headers.length > 0 ? (
              <p className="text-xs text-slate-600">
                {labels.headers}:{" "}
                {response.headers.map((header) => (
                  <code key={header.name} className="mr-1">
                    {header.name}
                  </code>
                ))}
              </p>
            ) : null}
            {response.contents.map((content) => (
              <div key={content.mediaType} className="mt-1">
                <p className="font-mono text-xs text-slate-600">{content.mediaType}</p>
                {content.schema ? <SchemaView schema={content.schema} labels={labels} /> : null}
              </div>
            ))}
          </li>
        ))}
      </ul>
    </article>
  );
}
