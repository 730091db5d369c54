/** Cookie holding "<unit code>.<idempotency key>" of the last response sent from this browser. */
export const SENT_COOKIE = "suara_sent";

export function parseSentCookie(value: string | undefined, unitCode: string): string | null {
  if (!value) return null;
  const dot = value.indexOf(".");
  if (dot < 1 || value.slice(0, dot) !== unitCode) return null;
  const key = value.slice(dot + 1);
  return /^[A-Za-z0-9._:-]{8,100}$/.test(key) ? key : null;
}
