import type { ComponentPropsWithRef, ReactNode } from "react";
import { Field, HintAndErrors, INPUT_CLASSES, fieldIds } from "@/components/ui/field";

type Described = { name: string; label: string; hint?: string; errors?: string[]; id?: string };

export function SelectField({
  name,
  label,
  hint,
  errors,
  id = `field-${name}`,
  children,
  ...selectProps
}: Described & Omit<ComponentPropsWithRef<"select">, "name" | "id"> & { children: ReactNode }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy) => (
        <select
          id={id}
          name={name}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          className={INPUT_CLASSES}
          {...selectProps}
        >
          {children}
        </select>
      )}
    </Field>
  );
}

/** A checkbox with its label as a 44 px tall target. */
export function CheckboxField({
  name,
  label,
  hint,
  errors,
  id = `field-${name}`,
  ...inputProps
}: Described & Omit<ComponentPropsWithRef<"input">, "name" | "id" | "type">) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="flex min-h-11 items-center gap-3 text-sm font-medium text-slate-800">
        <input
          id={id}
          name={name}
          type="checkbox"
          aria-describedby={fieldIds(id, hint, errors).describedBy}
          className="size-5 accent-brand-600"
          {...inputProps}
        />
        {label}
      </label>
      <HintAndErrors id={id} hint={hint} errors={errors} />
    </div>
  );
}
