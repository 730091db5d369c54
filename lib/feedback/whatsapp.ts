// A reply sent by WhatsApp from the officer's own phone: a wa.me link with the
// text ready. Pure, so that the number rules are tested.

/**
 * An Indonesian phone number as WhatsApp wants it (country code, digits only): "0812-3456-789"
 * and "+62 812 3456 789" become "628123456789". Null when it cannot be a mobile number.
 */
export function normalizeWhatsAppNumber(phone: string | null | undefined): string | null {
  if (!phone) return null;
  let digits = phone.replace(/[\s().-]/g, "");
  if (digits.startsWith("+")) digits = digits.slice(1);
  if (!/^\d+$/.test(digits)) return null;
  if (digits.startsWith("00")) digits = digits.slice(2);
  if (digits.startsWith("0")) digits = `62${digits.slice(1)}`;
  else if (digits.startsWith("8")) digits = `62${digits}`;
  if (!digits.startsWith("62")) return digits.length >= 8 && digits.length <= 15 ? digits : null;
  // 62 + 8xx: Indonesian mobile numbers are 9 to 13 digits after the country code.
  return /^628\d{8,12}$/.test(digits) ? digits : null;
}

/** The wa.me link that opens a chat with `phone` with `text` typed in, or null without a usable number. */
export function whatsAppLink(phone: string | null | undefined, text: string): string | null {
  const number = normalizeWhatsAppNumber(phone);
  return number ? `https://wa.me/${number}?text=${encodeURIComponent(text)}` : null;
}

/**
 * A wa.me link with `text` typed in: to `phone` when it is a usable number, else with no number,
 * and WhatsApp asks the officer to pick the contact.
 */
export function whatsAppShareLink(phone: string | null | undefined, text: string): string {
  return whatsAppLink(phone, text) ?? `https://wa.me/?text=${encodeURIComponent(text)}`;
}
