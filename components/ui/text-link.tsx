import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

// Links in text, lists and tables. A plain <a>: the big tables hold hundreds of them,
// and Next's <Link> (pass `className={linkVariants()}`) costs a client component each.
export const linkVariants = cva("text-brand-700 underline hover:text-brand-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600", {
  variants: {
    weight: { normal: "", medium: "font-medium" },
    size: { inherit: "", sm: "text-sm", xs: "text-xs" },
  },
  defaultVariants: { weight: "normal", size: "inherit" },
});

export function TextLink({ weight, size, className, ...props }: ComponentProps<"a"> & VariantProps<typeof linkVariants>) {
  return <a className={cn(linkVariants({ weight, size }), className)} {...props} />;
}
