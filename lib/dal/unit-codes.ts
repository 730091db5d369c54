import "server-only";
import { prisma } from "@/lib/db";

// A unit's public code now, from the code in a link: its own code, or one it had before
// (unit_code_alias: printed posters and QR codes keep working after a code change).

const CODE = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/** The unit's code today for a code it has or had; null when no unit ever had it. */
export async function currentUnitCode(code: string): Promise<string | null> {
  if (!CODE.test(code)) return null;
  const upper = code.toUpperCase();
  const unit = await prisma.unit.findFirst({
    where: { OR: [{ code: upper }, { codeAliases: { some: { code: upper } } }] },
    select: { code: true },
  });
  return unit?.code ?? null;
}
