import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/**
 * Joins class names (strings, conditionals, arrays) and lets a later Tailwind class win over an
 * earlier one of the same kind, so a caller's `min-h-32` replaces a default `min-h-11` instead of
 * both landing in the markup and the stylesheet's order deciding.
 */
export function cn(...classes: ClassValue[]): string {
  return twMerge(clsx(classes));
}
