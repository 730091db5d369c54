import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

/**
 * A white panel. Printed whole unless `keepTogether` is false (a long table or a chart
 * with its table may break across pages rather than leave half a page empty).
 */
export function Card({ className, keepTogether = true, ...props }: ComponentProps<"section"> & { keepTogether?: boolean }) {
  return <section className={cn("rounded-lg border border-slate-200 bg-white p-4", keepTogether && "break-inside-avoid", className)} {...props} />;
}

export function CardTitle({ className, children, id }: { className?: string; children: ReactNode; id?: string }) {
  return (
    <h2 id={id} className={cn("font-semibold", className)}>
      {children}
    </h2>
  );
}
