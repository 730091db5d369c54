import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils";

// Tables are styled by one class in globals.css (.ui-table th/td, .num for figures),
// not per cell: an agency table has thousands of cells, each then without a class list.

export function Table({ className, ...props }: ComponentProps<"table">) {
  return <table className={cn("ui-table w-full text-sm", className)} {...props} />;
}

/**
 * A region that scrolls sideways (or down) when its content does not fit: reachable and
 * scrollable by keyboard (tabIndex 0) and named for screen readers.
 */
export function ScrollArea({ label, className, children, testId }: { label: string; className?: string; children: ReactNode; testId?: string }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} data-testid={testId} className={cn("overflow-auto focus-visible:outline-2 focus-visible:outline-brand-600", className)}>
      {children}
    </div>
  );
}
