import type { ReactNode } from "react";

/** The error line under a field; its id is what the field's aria-describedby points at. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  );
}

function describedBy(...ids: (string | false | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

export type Choice = { value: string; label: ReactNode; details?: ReactNode; disabled?: boolean };

const LAYOUTS = {
  cards: "grid gap-2 sm:grid-cols-3",
  pairs: "grid gap-2 sm:grid-cols-2",
  inline: "flex flex-wrap gap-2",
};

type ChoiceGroupProps = {
  name: string;
  legend: string;
  description?: ReactNode;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  /** "cards" for options that carry details (tiers), "pairs" for longer labels, "inline" for short ones. */
  layout?: keyof typeof LAYOUTS;
};

/**
 * Radio buttons in a fieldset. Each option is a whole clickable card; the radio is named by its
 * label alone and described by its details, so screen readers say "Urgent, radio button, 5 days…".
 * The first radio has id field-<name>, so "Change" links and error focus can find the group.
 */
export function ChoiceGroup({
  name,
  legend,
  description,
  choices,
  value,
  onChange,
  onBlur,
  error,
  layout = "cards",
}: ChoiceGroupProps) {
  const errorId = `field-${name}-error`;
  const descriptionId = description ? `field-${name}-description` : undefined;
  return (
    <fieldset
      className="flex min-w-0 flex-col gap-2"
      aria-describedby={describedBy(descriptionId, error ? errorId : undefined)}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {description && (
        <div id={descriptionId} className="-mt-1 text-xs text-slate-600">
          {description}
        </div>
      )}
      <div className={LAYOUTS[layout]}>
        {choices.map((choice, index) => {
          const id = index === 0 ? `field-${name}` : `field-${name}-${choice.value}`;
          return (
            <label
              key={choice.value}
              htmlFor={id}
              className="flex min-h-11 cursor-pointer items-start gap-3 rounded-xl border border-slate-300 bg-white p-3 has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-600 has-disabled:cursor-not-allowed has-disabled:opacity-60"
            >
              <input
                id={id}
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                disabled={choice.disabled}
                onChange={() => onChange(choice.value)}
                onBlur={onBlur}
                aria-labelledby={`${id}-label`}
                aria-describedby={describedBy(
                  choice.details ? `${id}-details` : undefined,
                  error ? errorId : undefined,
                )}
                className="mt-1 size-4 shrink-0 accent-brand-600"
              />
              <span className="flex min-w-0 flex-col gap-0.5">
                <span id={`${id}-label`} className="font-semibold text-slate-900">
                  {choice.label}
                </span>
                {choice.details && (
                  <span id={`${id}-details`} className="text-sm text-slate-600">
                    {choice.details}
                  </span>
                )}
              </span>
            </label>
          );
        })}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
