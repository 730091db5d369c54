import type { Mutu } from "@/lib/ikm";
import { cn } from "@/lib/utils";

const SIZES = { sm: "min-w-6 px-1 text-xs", md: "min-w-8 px-2 text-base", lg: "min-w-12 px-3 text-2xl" } as const;

/** The grade letter with its colour (the .mA-.mD classes in globals.css); the letter itself carries the meaning (print, colour blindness). */
export function MutuBadge({ mutu, size = "md", testId }: { mutu: Mutu | null; size?: keyof typeof SIZES; testId?: string }) {
  if (!mutu) return <span className={cn("inline-block rounded text-center text-slate-600", SIZES[size])}>–</span>;
  return (
    <span data-testid={testId} className={cn("inline-block rounded text-center font-bold", `m${mutu}`, SIZES[size])}>
      {mutu}
    </span>
  );
}
