import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { CONTROL_CLASSES, Field, INPUT_CLASSES, controlProps, type FieldLabels } from "@/components/ui/field";

/** Label, input, hint and errors wired together for screen readers (aria-describedby, aria-invalid). */
export function TextField({
  name,
  label,
  hint,
  errors,
  id = `field-${name}`,
  className,
  ...inputProps
}: Omit<ComponentPropsWithRef<"input">, "name" | "id"> & FieldLabels) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <input
        {...controlProps(id, name, hint, errors)}
        className={cn(INPUT_CLASSES, className)}
        {...inputProps}
      />
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
  action,
  className,
  ...areaProps
}: Omit<ComponentPropsWithRef<"textarea">, "children" | "name" | "id"> &
  FieldLabels & {
    /** Beside the label, e.g. a "fill in a template" button. */
    action?: ReactNode;
  }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors} action={action}>
      <textarea
        {...controlProps(id, name, hint, errors)}
        rows={rows}
        className={cn(CONTROL_CLASSES, className)}
        {...areaProps}
      />
    </Field>
  );
}
