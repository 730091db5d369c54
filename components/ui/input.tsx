import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

// Text inputs, selects and text areas share one look. Borders are slate-500 (4.8:1 on
// white: WCAG's 3:1 for a control's edge); an invalid control (aria-invalid) turns red.
export const controlVariants = cva(
  "rounded-md border border-slate-500 bg-white text-slate-900 placeholder:text-slate-500 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-600 aria-[invalid=true]:border-2 aria-[invalid=true]:border-red-700 disabled:bg-slate-100",
  {
    variants: {
      size: { sm: "px-2 py-1 text-sm", md: "px-3 py-2 text-base", lg: "px-3 py-2 text-lg" },
      width: { auto: "", full: "w-full", short: "w-28", wide: "w-full sm:max-w-56" },
    },
    defaultVariants: { size: "md", width: "full" },
  },
);

export type TControlVariants = VariantProps<typeof controlVariants>;

export function Input({ size, width, className, ...props }: Omit<ComponentProps<"input">, "size"> & TControlVariants) {
  return <input className={cn(controlVariants({ size, width }), className)} {...props} />;
}

export function Select({ size, width, className, ...props }: Omit<ComponentProps<"select">, "size"> & TControlVariants) {
  return <select className={cn(controlVariants({ size, width }), className)} {...props} />;
}

export function Textarea({ size, width, className, ...props }: ComponentProps<"textarea"> & TControlVariants) {
  return <textarea className={cn(controlVariants({ size, width }), className)} {...props} />;
}
