"use server";
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { getCaller } from "@/lib/auth/session";
import { enrollKioskForCaller, issueTransactionTokens, qrSvg, renameKioskForCaller, revokeKioskForCaller, type TIssuedToken } from "@/lib/dal/operate";
import type { TFieldErrors } from "@/lib/dal/write";
import { publicOrigin } from "@/lib/request/public-origin";
import { requestMetaFrom } from "@/lib/request/meta";

export type TEnrollState = { link?: string; qr?: string; error?: boolean };

export async function enrollKioskAction(_prev: TEnrollState, form: FormData): Promise<TEnrollState> {
  const h = await headers();
  const r = await enrollKioskForCaller(await getCaller(), { unitCode: form.get("unitCode"), name: form.get("name") }, requestMetaFrom(h));
  if (!r.ok) return { error: true };
  const link = `${publicOrigin(h)}/kiosk/${r.value.unitCode}#token=${r.value.token}`;
  refresh(); // the unit page's list of kiosks shows the new one
  // The tablet opens the link by scanning it: nobody types a 43-character token.
  return { link, qr: await qrSvg(link) };
}

export type TRevokeState = { error?: "notFound" | "invalid" };

/** Revokes one kiosk tablet (after the person confirmed it on the unit page). */
export async function revokeKioskAction(_prev: TRevokeState, form: FormData): Promise<TRevokeState> {
  const r = await revokeKioskForCaller(await getCaller(), { deviceId: form.get("deviceId") }, requestMetaFrom(await headers()));
  // Revoked now, or by someone else a moment ago: either way the page's list is read again and says so.
  if (r.ok || r.error === "alreadyRevoked") {
    refresh();
    return {};
  }
  return { error: r.error };
}

export type TRenameKioskState = { done?: boolean; error?: "form" | "notFound" | "alreadyRevoked"; fields?: TFieldErrors; name?: string };

export async function renameKioskAction(_prev: TRenameKioskState, form: FormData): Promise<TRenameKioskState> {
  const name = typeof form.get("name") === "string" ? String(form.get("name")) : "";
  const r = await renameKioskForCaller(await getCaller(), { deviceId: form.get("deviceId"), name }, requestMetaFrom(await headers()));
  if (r.ok) {
    refresh();
    return { done: true };
  }
  // The name sent stays in the field, to be corrected.
  return r.error === "invalid" ? { error: "form", fields: r.fields, name } : { error: r.error, name };
}

export type TTokensState = { tokens?: TIssuedToken[]; error?: boolean };

export async function issueTokensAction(_prev: TTokensState, form: FormData): Promise<TTokensState> {
  const h = await headers();
  const raw = { unitCode: form.get("unitCode"), serviceCode: form.get("serviceCode") ?? "", count: form.get("count"), days: form.get("days"), origin: publicOrigin(h) };
  const r = await issueTransactionTokens(await getCaller(), raw, requestMetaFrom(h));
  return r.ok ? { tokens: r.value } : { error: true };
}
