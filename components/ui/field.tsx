import type { ReactNode } from "react";
import { cn } from "@/lib/utils";

/** What a control needs to be tied to its label, hint and error: spread it onto the input. */
export type TControlProps = { id: string; "aria-describedby"?: string; "aria-invalid"?: true; required?: boolean };

/** The ids a field's hint and error carry, for a control that describes itself. */
export const hintId = (id: string) => `${id}-hint`;
export const errorId = (id: string) => `${id}-error`;

export function describedBy(id: string, { hint, error }: { hint?: unknown; error?: unknown }): string | undefined {
  const ids = [hint ? hintId(id) : null, error ? errorId(id) : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Label({ htmlFor, children, required, requiredText, dense, className }: {
  htmlFor: string;
  children: ReactNode;
  required?: boolean;
  dense?: boolean;
  /** Said after the label of a required field, e.g. "(wajib)". */
  requiredText?: string;
  className?: string;
}) {
  // The visible "(wajib)" stays outside the label (the control's `required` says it to screen
  // readers), so the field's accessible name is its label alone.
  return (
    <div className={cn(dense ? "text-xs" : "text-sm", "font-medium text-slate-900", className)}>
      <label htmlFor={htmlFor}>{children}</label>
      {required && requiredText && (
        <span className="ml-1 font-normal text-slate-700" aria-hidden="true">
          {requiredText}
        </span>
      )}
    </div>
  );
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="text-sm text-slate-700">
      {children}
    </p>
  );
}

/** An error under its field; announced with the field it describes (aria-describedby). */
export function FieldError({ id, children }: { id: string; children?: ReactNode }) {
  if (!children) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-800">
      {children}
    </p>
  );
}

/**
 * Label + hint + control + error, tied together by construction: the control receives its
 * id, aria-describedby (hint, error) and aria-invalid from `children(control)`.
 */
export function Field({ id, label, hint, error, required, requiredText, dense, className, children }: {
  id: string;
  /** A compact filter bar's field: a smaller label. */
  dense?: boolean;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  requiredText?: string;
  className?: string;
  children: (control: TControlProps) => ReactNode;
}) {
  const control: TControlProps = {
    id,
    "aria-describedby": describedBy(id, { hint, error }),
    ...(error ? { "aria-invalid": true as const } : {}),
    ...(required ? { required: true } : {}),
  };
  return (
    <div className={className}>
      <Label htmlFor={id} required={required} requiredText={requiredText} dense={dense}>
        {label}
      </Label>
      {hint && <Hint id={hintId(id)}>{hint}</Hint>}
      <div className="mt-1">{children(control)}</div>
      <FieldError id={errorId(id)}>{error}</FieldError>
    </div>
  );
}
