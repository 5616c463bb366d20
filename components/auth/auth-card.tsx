import type { ReactNode } from "react";
import { TextLink } from "@/components/ui/text-link";

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
        <TextLink href={props.footer.href} size="inherit" inline className="underline-offset-2">
          {props.footer.linkLabel}
        </TextLink>
      </p>
    </div>
  );
}
