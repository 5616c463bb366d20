import Link from "next/link";
import type { ReactNode } from "react";

/** The framed card shared by the sign-in and registration pages. */
export function AuthCard(props: {
  title: string;
  intro: string;
  children: ReactNode;
  footer: { text: string; linkLabel: string; href: string };
}) {
  return (
    <div className="mx-auto max-w-md rounded-2xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">
      <h1 className="mb-1 text-2xl font-bold">{props.title}</h1>
      <p className="mb-6 text-sm text-slate-600">{props.intro}</p>
      {props.children}
      <p className="mt-6 text-sm text-slate-600">
        {props.footer.text}{" "}
        <Link
          href={props.footer.href}
          className="font-semibold text-brand-700 underline-offset-2 hover:underline"
        >
          {props.footer.linkLabel}
        </Link>
      </p>
    </div>
  );
}
