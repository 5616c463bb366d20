import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Field, INPUT_CLASSES, controlProps, type FieldLabels } from "@/components/ui/field";

/** Label, select, hint and errors wired together like TextField; the options are the children. */
export function SelectField({
  name,
  label,
  hint,
  errors,
  id = `field-${name}`,
  className,
  children,
  ...selectProps
}: Omit<ComponentPropsWithRef<"select">, "name" | "id"> & FieldLabels & { children: ReactNode }) {
  return (
    <Field id={id} label={label} hint={hint} errors={errors}>
      <select
        {...controlProps(id, name, hint, errors)}
        className={cn(INPUT_CLASSES, className)}
        {...selectProps}
      >
        {children}
      </select>
    </Field>
  );
}
