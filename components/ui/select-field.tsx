import type { ComponentPropsWithRef } from "react";
import { cn } from "@/components/ui/cn";
import { Field, INPUT_CLASSES, splitFieldProps, type FieldLabels } from "@/components/ui/field";

export type SelectOption = { value: string | number; label: string };

type SelectFieldProps = Omit<ComponentPropsWithRef<"select">, "name" | "id" | "children"> &
  FieldLabels & {
    options: readonly SelectOption[];
    /** A first option with the value "" (e.g. "Any service", "Nobody"). */
    emptyOption?: string;
  };

/** Label, select, hint and errors wired together like TextField. */
export function SelectField({ options, emptyOption, className, ...props }: SelectFieldProps) {
  const { field, control, rest } = splitFieldProps(props);
  return (
    <Field {...field}>
      <select {...control} className={cn(INPUT_CLASSES, className)} {...rest}>
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
