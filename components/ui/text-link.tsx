import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

type LinkLook = {
  /** "inherit" keeps the surrounding text's size. */
  size?: "sm" | "inherit";
  /** In running text: no 44 px target box, so the line keeps its height. */
  inline?: boolean;
  /** Wins over the defaults it conflicts with. */
  extra?: string;
};

/** The look of a text link: brand colour, bold, underlined on hover, a 44 px tall target unless inline. */
export function linkClasses({ size = "sm", inline = false, extra }: LinkLook = {}) {
  return cn(
    !inline && "inline-flex min-h-11 items-center",
    size === "sm" && "text-sm",
    "font-semibold text-brand-700 hover:underline",
    extra,
  );
}

type TextLinkProps = ComponentProps<typeof Link> & Omit<LinkLook, "extra">;

/** A link styled the one way ("← Back to the list", "Edit", a case number in a table). */
export function TextLink({ size, inline, className, ...props }: TextLinkProps) {
  return <Link className={linkClasses({ size, inline, extra: className })} {...props} />;
}
