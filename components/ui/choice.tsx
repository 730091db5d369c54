import { cva, type VariantProps } from "class-variance-authority";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";
import { describedBy, errorId, FieldError, Hint, hintId } from "@/components/ui/field";

// Radio and checkbox choices. The whole card is the click target; the circle never
// shrinks when a long label wraps.
export const choiceVariants = cva(
  "flex cursor-pointer items-center gap-3 rounded-md border border-slate-500 bg-white px-3 py-2 has-[:checked]:border-2 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-brand-600",
  {
    variants: {
      size: { sm: "min-h-11 text-sm", md: "min-h-12 text-base", lg: "min-h-16 px-4 text-lg" },
    },
    defaultVariants: { size: "md" },
  },
);

const dot = { sm: "size-5", md: "size-5", lg: "size-6" } as const;

/** One radio option as a card. */
export function RadioCard({ label, size, className, ...input }: Omit<ComponentProps<"input">, "type" | "size"> & VariantProps<typeof choiceVariants> & { label: ReactNode }) {
  return (
    <label className={cn(choiceVariants({ size }), className)}>
      <input type="radio" className={cn("shrink-0 accent-brand-700", dot[size ?? "md"])} {...input} />
      <span className="leading-snug">{label}</span>
    </label>
  );
}

/** A checkbox with its label beside it. */
export function Checkbox({ label, className, ...input }: Omit<ComponentProps<"input">, "type"> & { label: ReactNode }) {
  return (
    <label className={cn("flex min-h-11 cursor-pointer items-start gap-3", className)}>
      <input type="checkbox" className="mt-0.5 size-5 shrink-0 accent-brand-700" {...input} />
      <span className="leading-snug">{label}</span>
    </label>
  );
}

/**
 * A group of choices under one question: fieldset + legend, hint and error tied to the group;
 * `children` gets `invalid` to mark each of its inputs (aria-invalid).
 */
export function ChoiceGroup({ id, legend, hint, error, className, legendClassName, children }: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
  legendClassName?: string;
  children: (invalid: true | undefined) => ReactNode;
}) {
  return (
    <fieldset
      id={id}
      aria-describedby={describedBy(id, { hint, error })}
      className={cn("rounded-lg border p-3", error ? "border-2 border-red-700" : "border-slate-300", className)}
    >
      <legend className={cn("px-1", legendClassName)}>{legend}</legend>
      {hint && <Hint id={hintId(id)}>{hint}</Hint>}
      <FieldError id={errorId(id)}>{error}</FieldError>
      {children(error ? true : undefined)}
    </fieldset>
  );
}
