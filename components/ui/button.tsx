import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils";

// One look for everything a person presses: a <button>, or a link that acts as one.
export const buttonVariants = cva(
  "inline-flex items-center justify-center gap-2 rounded-md text-center font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:cursor-not-allowed disabled:opacity-70 print:hidden",
  {
    variants: {
      variant: {
        primary: "bg-brand-700 font-semibold text-white hover:bg-brand-900",
        secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100",
        outline: "border border-brand-700 bg-white text-brand-700 hover:bg-brand-50",
        danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
        /** A button that reads as a link (an action inside a sentence or a list). */
        link: "text-brand-700 underline hover:text-brand-900",
        /** On a brand-coloured header (the kiosk's). */
        inverse: "border border-white text-white hover:bg-white/10 focus-visible:outline-white",
      },
      size: {
        inline: "",
        sm: "min-h-9 px-3 py-1 text-sm",
        md: "min-h-11 px-4 py-2 text-base",
        lg: "min-h-12 px-4 py-3 text-lg",
        xl: "min-h-14 px-4 py-4 text-lg font-semibold",
      },
      width: { auto: "", full: "w-full" },
    },
    defaultVariants: { variant: "primary", size: "md", width: "auto" },
  },
);

export type TButtonVariants = VariantProps<typeof buttonVariants>;

/** `type` defaults to "button": a submit says so. */
export function Button({ variant, size, width, className, type = "button", ...props }: ComponentProps<"button"> & TButtonVariants) {
  return <button type={type} className={cn(buttonVariants({ variant, size, width }), className)} {...props} />;
}

/** A link styled as a button (navigation, downloads). */
export function LinkButton({ variant, size, width, className, ...props }: ComponentProps<"a"> & TButtonVariants) {
  return <a className={cn(buttonVariants({ variant, size, width }), className)} {...props} />;
}
