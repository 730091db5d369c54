"use server";
import { headers } from "next/headers";
import { getCaller } from "@/lib/auth/session";
import { enrollKioskForCaller, issueTransactionTokens, qrSvg, type TIssuedToken } from "@/lib/dal/operate";
import { publicOrigin } from "@/lib/request/public-origin";
import { requestMetaFrom } from "@/lib/request/meta";

export type TEnrollState = { link?: string; qr?: string; error?: boolean };

export async function enrollKioskAction(_prev: TEnrollState, form: FormData): Promise<TEnrollState> {
  const h = await headers();
  const r = await enrollKioskForCaller(await getCaller(), { unitCode: form.get("unitCode"), name: form.get("name") }, requestMetaFrom(h));
  if (!r.ok) return { error: true };
  const link = `${publicOrigin(h)}/kiosk/${r.value.unitCode}#token=${r.value.token}`;
  // The tablet opens the link by scanning it: nobody types a 43-character token.
  return { link, qr: await qrSvg(link) };
}

export type TTokensState = { tokens?: TIssuedToken[]; error?: boolean };

export async function issueTokensAction(_prev: TTokensState, form: FormData): Promise<TTokensState> {
  const h = await headers();
  const raw = { unitCode: form.get("unitCode"), serviceCode: form.get("serviceCode") ?? "", count: form.get("count"), days: form.get("days"), origin: publicOrigin(h) };
  const r = await issueTransactionTokens(await getCaller(), raw, requestMetaFrom(h));
  return r.ok ? { tokens: r.value } : { error: true };
}
