import type { ReactNode } from "react";

/** The look of text controls; `INPUT_CLASSES` adds a touch-sized minimum height (textareas sized by rows can do without). */
export const CONTROL_CLASSES =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600";
export const INPUT_CLASSES = `min-h-11 ${CONTROL_CLASSES}`;

/** What every field takes besides its control's own props: the texts are already translated. */
export type FieldLabels = {
  name: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  /** Defaults to `field-<name>`, which error summaries and "Change" links point at. */
  id?: string;
  /** Beside the label, e.g. a "fill in a template" button. */
  action?: ReactNode;
};

/** The ids a control's aria-describedby points at: `<id>-hint` and `<id>-error`, when there are any. */
export function fieldIds(id: string, hint?: ReactNode, errors?: string[]) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/** The hint and the (already translated) errors under a control. */
export function HintAndErrors({ id, hint, errors }: { id: string; hint?: ReactNode; errors?: string[] }) {
  const { hintId, errorId } = fieldIds(id, hint, errors);
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

/** The attributes that tie a control to its label, hint and errors. */
export function controlProps(id: string, name: string, hint?: ReactNode, errors?: string[]) {
  return {
    id,
    name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": fieldIds(id, hint, errors).describedBy,
  };
}

type FieldProps = Omit<FieldLabels, "name" | "id"> & { id: string; children: ReactNode };

/**
 * A field component's props split three ways: what Field shows, what ties the control to it
 * (`controlProps`), and the rest for the control itself (which may override any of them).
 */
export function splitFieldProps<Rest extends object>({
  name,
  label,
  hint,
  errors,
  id = `field-${name}`,
  action,
  ...rest
}: FieldLabels & Rest) {
  return { field: { id, label, hint, errors, action }, control: controlProps(id, name, hint, errors), rest };
}

/** Label, control, hint and errors stacked; the control itself carries `controlProps`. */
export function Field({ id, label, hint, errors, action, children }: FieldProps) {
  const labelElement = (
    <label htmlFor={id} className="text-sm font-medium text-slate-800">
      {label}
    </label>
  );
  return (
    <div className="flex flex-col gap-1">
      {action ? (
        <div className="flex flex-wrap items-end justify-between gap-2">
          {labelElement}
          {action}
        </div>
      ) : (
        labelElement
      )}
      {children}
      <HintAndErrors id={id} hint={hint} errors={errors} />
    </div>
  );
}
