import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names. Deliberately without tailwind-merge (9 KiB gzip, more than the
 * citizen page's JS budget has left): primitives declare their own classes as cva
 * variants and a `className` from outside adds layout only (margin, grid placement,
 * max width), never a class a variant already sets.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
