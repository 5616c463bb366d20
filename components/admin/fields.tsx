import type { ComponentPropsWithRef, ReactNode } from "react";

const CONTROL = "min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600";

type Described = { name: string; label: string; hint?: string; errors?: string[]; id?: string };

/** Ids for hint and errors, joined for aria-describedby (the same wiring as components/ui/text-field). */
function describe({ name, hint, errors, id = `field-${name}` }: Described) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { id, hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

function HintAndErrors({ hint, errors, hintId, errorId }: { hint?: string; errors?: string[]; hintId?: string; errorId?: string }) {
  return (
    <>
      {hint && (
        <p id={hintId} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      {errorId && (
        <ul id={errorId} className="text-sm text-red-700">
          {errors!.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function SelectField({ children, ...props }: Described & Omit<ComponentPropsWithRef<"select">, "name" | "id"> & { children: ReactNode }) {
  const { name, label, hint, errors, id: _id, ...selectProps } = props;
  const ids = describe(props);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={ids.id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select id={ids.id} name={name} aria-invalid={ids.errorId ? true : undefined} aria-describedby={ids.describedBy} className={CONTROL} {...selectProps}>
        {children}
      </select>
      <HintAndErrors hint={hint} errors={errors} hintId={ids.hintId} errorId={ids.errorId} />
    </div>
  );
}

export function TextAreaField(props: Described & Omit<ComponentPropsWithRef<"textarea">, "name" | "id">) {
  const { name, label, hint, errors, id: _id, ...areaProps } = props;
  const ids = describe(props);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={ids.id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea id={ids.id} name={name} rows={3} aria-invalid={ids.errorId ? true : undefined} aria-describedby={ids.describedBy} className={CONTROL} {...areaProps} />
      <HintAndErrors hint={hint} errors={errors} hintId={ids.hintId} errorId={ids.errorId} />
    </div>
  );
}

/** A checkbox with its label as a 44 px tall target. */
export function CheckboxField(props: Described & Omit<ComponentPropsWithRef<"input">, "name" | "id" | "type">) {
  const { name, label, hint, errors, id: _id, ...inputProps } = props;
  const ids = describe(props);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={ids.id} className="flex min-h-11 items-center gap-3 text-sm font-medium text-slate-800">
        <input id={ids.id} name={name} type="checkbox" aria-describedby={ids.describedBy} className="size-5 accent-brand-600" {...inputProps} />
        {label}
      </label>
      <HintAndErrors hint={hint} errors={errors} hintId={ids.hintId} errorId={ids.errorId} />
    </div>
  );
}
