import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

export const alertVariants = cva("rounded-lg p-3", {
  variants: {
    tone: {
      error: "border-2 border-red-700 bg-red-50 text-red-900",
      warning: "border border-amber-600 bg-amber-50 text-amber-950",
      info: "border border-brand-600 bg-brand-50 text-slate-900",
      success: "border border-green-700 bg-green-50 text-green-950",
    },
  },
  defaultVariants: { tone: "info" },
});

/**
 * A message the reader must notice. Errors are announced at once (role="alert"), the rest
 * politely (role="status"); `focus` makes it focusable, to move focus to it after a submit.
 */
export function Alert({ tone, title, className, children, focusable, ...props }: Omit<ComponentProps<"div">, "title"> & VariantProps<typeof alertVariants> & { title?: ReactNode; focusable?: boolean }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} tabIndex={focusable ? -1 : undefined} className={cn(alertVariants({ tone }), className)} {...props}>
      {title && <p className="font-semibold">{title}</p>}
      {children}
    </div>
  );
}
