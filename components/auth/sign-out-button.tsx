"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

export function SignOutButton({ label }: { label: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
      className="min-h-9 rounded-md px-3 py-2 text-sm font-semibold text-slate-700 hover:bg-slate-100"
    >
      {label}
    </button>
  );
}
