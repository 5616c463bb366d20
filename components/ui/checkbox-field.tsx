import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { HintAndErrors, fieldIds, type FieldLabels } from "@/components/ui/field";

/** A checkbox with its label as a 44 px tall target. */
export function CheckboxField({
  name,
  label,
  hint,
  errors,
  id = `field-${name}`,
  ...inputProps
}: Omit<ComponentPropsWithRef<"input">, "name" | "id" | "type"> & Omit<FieldLabels, "action">) {
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

export type CheckboxOption = { value: string; label: ReactNode };

type CheckboxGroupProps = {
  /** The name every box is sent under (the server reads all the ticked values). */
  name: string;
  legend: string;
  options: CheckboxOption[];
  /** The values ticked to begin with. */
  selected: string[];
  /** Already translated; `<id>-error` is what the fieldset's aria-describedby points at. */
  errors?: string[];
  id: string;
  /** Column layout of the list, e.g. "sm:grid-cols-2". */
  columns?: string;
};

/** Checkboxes in a fieldset, each label a 44 px tall target; the whole selection is sent at once. */
export function CheckboxGroup({ name, legend, options, selected, errors, id, columns }: CheckboxGroupProps) {
  const { errorId, describedBy } = fieldIds(id, undefined, errors);
  return (
    <fieldset aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <ul className={cn("mt-1 grid gap-x-4", columns)}>
        {options.map((option) => (
          <li key={option.value}>
            <label className="flex min-h-11 items-start gap-3 py-1 text-sm">
              <input
                type="checkbox"
                name={name}
                value={option.value}
                defaultChecked={selected.includes(option.value)}
                className="mt-0.5 size-5 shrink-0 accent-brand-600"
              />
              {option.label}
            </label>
          </li>
        ))}
      </ul>
      {errorId && <HintAndErrors id={id} errors={errors} />}
    </fieldset>
  );
}
