"use client";

import type { ComponentPropsWithRef, ReactNode } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";

type Props = Omit<ComponentPropsWithRef<"button">, "type" | "children"> & {
  pending: boolean;
  /** Already translated; the pending text is shown while the action runs. */
  label: ReactNode;
  pendingLabel?: ReactNode;
  variant?: ButtonVariant;
  /** Disabled until hydrated, for forms that only work with JavaScript (an early click would be lost). */
  waitForHydration?: boolean;
};

/** A form's submit button: busy and disabled while the action runs, so a double click sends it once. */
export function SubmitButton({
  pending,
  label,
  pendingLabel = label,
  variant,
  waitForHydration = false,
  disabled,
  ...props
}: Props) {
  const hydrated = useHydrated();
  return (
    <Button
      type="submit"
      variant={variant}
      disabled={pending || disabled || (waitForHydration && !hydrated)}
      aria-busy={pending}
      {...props}
    >
      {pending ? pendingLabel : label}
    </Button>
  );
}
