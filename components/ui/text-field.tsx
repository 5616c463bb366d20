import type { ComponentPropsWithRef } from "react";
import { CONTROL_CLASSES, Field, INPUT_CLASSES } from "@/components/ui/field";

type Labelled = {
  name: string;
  label: string;
  hint?: string;
  /** Already translated messages. */
  errors?: string[];
};

/** Label, input, hint and errors wired together for screen readers (aria-describedby, aria-invalid). */
export function TextField({
  name,
  label,
  hint,
  errors,
  id = `field-${name}`,
  ...inputProps
}: ComponentPropsWithRef<"input"> & Labelled) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy) => (
        <input
          id={id}
          name={name}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          className={INPUT_CLASSES}
          {...inputProps}
        />
      )}
    </Field>
  );
}

/** TextField's multi-line sibling (three rows unless told otherwise). */
export function TextAreaField({
  name,
  label,
  hint,
  errors,
  id = `field-${name}`,
  rows = 3,
  ...areaProps
}: Omit<ComponentPropsWithRef<"textarea">, "children"> & Labelled) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      {(describedBy) => (
        <textarea
          id={id}
          name={name}
          rows={rows}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={describedBy}
          className={CONTROL_CLASSES}
          {...areaProps}
        />
      )}
    </Field>
  );
}
