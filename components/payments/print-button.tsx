"use client";

import { buttonClasses } from "@/components/ui/button";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={buttonClasses("primary", "print:hidden")}>
      {label}
    </button>
  );
}
