import type { ComponentPropsWithRef } from "react";
import { cn } from "@/components/ui/cn";
import {
  CONTROL_CLASSES,
  Field,
  INPUT_CLASSES,
  splitFieldProps,
  type FieldLabels,
} from "@/components/ui/field";

/** Label, input, hint and errors wired together for screen readers (aria-describedby, aria-invalid). */
export function TextField({
  className,
  ...props
}: Omit<ComponentPropsWithRef<"input">, "name" | "id"> & FieldLabels) {
  const { field, control, rest } = splitFieldProps(props);
  return (
    <Field {...field}>
      <input {...control} className={cn(INPUT_CLASSES, className)} {...rest} />
    </Field>
  );
}

/** TextField's multi-line sibling (three rows unless told otherwise). */
export function TextAreaField({
  className,
  rows = 3,
  ...props
}: Omit<ComponentPropsWithRef<"textarea">, "children" | "name" | "id"> & FieldLabels) {
  const { field, control, rest } = splitFieldProps(props);
  return (
    <Field {...field}>
      <textarea {...control} rows={rows} className={cn(CONTROL_CLASSES, className)} {...rest} />
    </Field>
  );
}
