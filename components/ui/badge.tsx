import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

export const badgeVariants = cva("inline-block rounded font-semibold", {
  variants: {
    tone: {
      neutral: "bg-slate-100 text-slate-800",
      info: "bg-sky-100 text-sky-900",
      success: "bg-green-100 text-green-900",
      warning: "bg-amber-200 text-amber-950",
      danger: "bg-red-100 text-red-900",
    },
    size: { sm: "px-1.5 py-0.5 text-xs", md: "px-2 py-0.5 text-sm" },
  },
  defaultVariants: { tone: "neutral", size: "sm" },
});

export function Badge({ tone, size, className, ...props }: ComponentProps<"span"> & VariantProps<typeof badgeVariants>) {
  return <span className={cn(badgeVariants({ tone, size }), className)} {...props} />;
}
