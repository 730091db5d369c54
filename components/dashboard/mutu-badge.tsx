import type { Mutu } from "@/lib/ikm";

/** The grade letter with its colour (the .mA-.mD classes in globals.css); the letter itself carries the meaning (print, colour blindness). */
export function MutuBadge({ mutu, size = "md", testId }: { mutu: Mutu | null; size?: "sm" | "md" | "lg"; testId?: string }) {
  const sizes = { sm: "min-w-6 px-1 text-xs", md: "min-w-8 px-2 text-base", lg: "min-w-12 px-3 text-2xl" };
  if (!mutu) return <span className={`inline-block rounded text-center text-slate-500 ${sizes[size]}`}>–</span>;
  return (
    <span data-testid={testId} className={`inline-block rounded text-center font-bold m${mutu} ${sizes[size]}`}>
      {mutu}
    </span>
  );
}
