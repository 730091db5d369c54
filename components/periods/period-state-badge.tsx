import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { TPeriodState } from "@/lib/dal/periods";

const TONE = { open: "info", ended: "warning", closed: "success" } as const;

export async function PeriodStateBadge({ state }: { state: TPeriodState }) {
  const t = await getTranslations("periodAdmin.states");
  return <Badge tone={TONE[state]} data-testid="period-state">{t(state)}</Badge>;
}

/** Which responses a published figure counts, wherever it is shown to staff. */
export async function ScopeBadge({ scope }: { scope: "sendiri" | "gabungan" }) {
  const t = await getTranslations("periodAdmin.scopes");
  return <Badge tone={scope === "gabungan" ? "info" : "neutral"} data-testid="scope-badge">{t(scope)}</Badge>;
}
