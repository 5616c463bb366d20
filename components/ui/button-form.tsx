import { buttonClasses } from "@/components/ui/button";

type Props = {
  action: (formData: FormData) => void;
  /** Hidden inputs sent with the button, by name. */
  fields?: Record<string, string>;
  pending: boolean;
  /** Already translated: the visible text (the pending one while it runs), an optional fuller accessible name, the failure. */
  label: string;
  accessibleLabel?: string;
  error?: string | null;
  variant?: Parameters<typeof buttonClasses>[0];
  className?: string;
};

/** A form that is one button (e.g. "Mark as read"), its failure shown right under it. */
export function ButtonForm({
  action,
  fields = {},
  pending,
  label,
  accessibleLabel,
  error,
  variant = "secondary",
  className,
}: Props) {
  return (
    <form action={action} className="flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        aria-label={accessibleLabel}
        className={buttonClasses(variant, className)}
      >
        {label}
      </button>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
