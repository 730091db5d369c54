"use server";
import { headers } from "next/headers";
import { z } from "zod";
import { getCaller } from "@/lib/auth/session";
import { enrollKioskForCaller, issueTransactionTokens, qrSvg, type TIssuedToken } from "@/lib/dal/operate";
import { publicOrigin } from "@/lib/request/public-origin";
import { requestMetaFrom } from "@/lib/request/meta";

export type TEnrollState = { link?: string; qr?: string; error?: boolean };

const ZEnroll = z.object({ unitCode: z.string().regex(/^[A-Za-z0-9-]{1,40}$/), name: z.string().trim().min(1).max(100) });

export async function enrollKioskAction(_prev: TEnrollState, form: FormData): Promise<TEnrollState> {
  const parsed = ZEnroll.safeParse({ unitCode: form.get("unitCode"), name: form.get("name") });
  if (!parsed.success) return { error: true };
  const h = await headers();
  const result = await enrollKioskForCaller(await getCaller(), parsed.data.unitCode, parsed.data.name, requestMetaFrom(h));
  if (!result) return { error: true };
  const link = `${publicOrigin(h)}/kiosk/${parsed.data.unitCode.toUpperCase()}#token=${result.token}`;
  // The tablet opens the link by scanning it: nobody types a 43-character token.
  return { link, qr: await qrSvg(link) };
}

export type TTokensState = { tokens?: TIssuedToken[]; error?: boolean };

const ZIssue = z.object({
  unitCode: z.string().regex(/^[A-Za-z0-9-]{1,40}$/),
  serviceCode: z.string().regex(/^[A-Za-z0-9-]{1,40}$/).optional().or(z.literal("").transform(() => undefined)),
  count: z.coerce.number().int().min(1).max(200),
  days: z.coerce.number().int().min(1).max(90),
});

export async function issueTokensAction(_prev: TTokensState, form: FormData): Promise<TTokensState> {
  const parsed = ZIssue.safeParse({ unitCode: form.get("unitCode"), serviceCode: form.get("serviceCode") ?? "", count: form.get("count"), days: form.get("days") });
  if (!parsed.success) return { error: true };
  const h = await headers();
  const tokens = await issueTransactionTokens(await getCaller(), { ...parsed.data, origin: publicOrigin(h) }, requestMetaFrom(h));
  return tokens ? { tokens } : { error: true };
}
