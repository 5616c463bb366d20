import type { ReactNode } from "react";

/** The look of text controls; `INPUT_CLASSES` adds a touch-sized minimum height (textareas sized by rows can do without). */
export const CONTROL_CLASSES =
  "rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-sm aria-invalid:border-red-600";
export const INPUT_CLASSES = `min-h-11 ${CONTROL_CLASSES}`;

/** The ids a control's aria-describedby points at: `<id>-hint` and `<id>-error`, when there are any. */
export function fieldIds(id: string, hint?: string, errors?: string[]) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

/** The hint and the (already translated) errors under a control. */
export function HintAndErrors({ id, hint, errors }: { id: string; hint?: string; errors?: string[] }) {
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

type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (describedBy: string | undefined) => ReactNode;
};

/** Label, control, hint and errors wired together for screen readers; the control gets its aria-describedby from `children`. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(fieldIds(id, hint, errors).describedBy)}
      <HintAndErrors id={id} hint={hint} errors={errors} />
    </div>
  );
}
