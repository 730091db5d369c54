import type { Locale } from "@/lib/i18n";
import type { TFieldErrors } from "@/lib/validation/response";
import type { TResponseErrorCode } from "@/lib/validation/response-fields";

const MESSAGES: Record<TResponseErrorCode, Record<Locale, string>> = {
  required: { id: "Wajib diisi.", en: "Required." },
  invalid: { id: "Isian tidak valid.", en: "Not a valid value." },
  scoreOutOfScale: { id: "Pilih salah satu jawaban yang tersedia.", en: "Choose one of the answers given." },
  unknownItem: { id: "Pertanyaan ini tidak ada di kuesioner unit ini.", en: "This question is not in this unit's questionnaire." },
  harapanNotAsked: { id: "Kuesioner unit ini tidak menanyakan tingkat kepentingan.", en: "This unit's questionnaire does not ask how important each item is." },
  noAnswer: { id: "Jawab minimal satu pertanyaan penilaian.", en: "Answer at least one rating question." },
  tooLong: { id: "Teks terlalu panjang.", en: "The text is too long." },
  unknownUnit: { id: "Unit layanan tidak ditemukan atau tidak aktif.", en: "The service unit was not found or is not active." },
  unknownService: { id: "Jenis layanan tidak dikenal di unit ini.", en: "Unknown service for this unit." },
  serviceRequired: { id: "Pilih jenis layanan yang Anda terima.", en: "Choose the service you received." },
  consentRequired: { id: "Centang persetujuan bila Anda ingin dihubungi.", en: "Tick the consent box if you want to be contacted." },
  contactRequired: { id: "Isi nomor telepon atau email agar kami dapat menghubungi Anda.", en: "Give a phone number or email so we can contact you." },
  tokenUsed: { id: "Kode transaksi ini sudah dipakai untuk mengisi survei.", en: "This transaction code has already been used." },
  tokenInvalid: { id: "Kode transaksi tidak dikenal atau sudah kedaluwarsa.", en: "Unknown or expired transaction code." },
  rateLimited: { id: "Terlalu banyak kiriman dari perangkat ini. Coba lagi beberapa menit lagi.", en: "Too many submissions from this device. Try again in a few minutes." },
  keyReused: { id: "Kunci idempotensi sudah dipakai untuk kiriman lain.", en: "This idempotency key was used for another submission." },
};

export function responseErrorMessage(code: TResponseErrorCode, locale: Locale): string {
  return MESSAGES[code][locale];
}

export function describeErrors(errors: TFieldErrors, locale: Locale): Record<string, { code: TResponseErrorCode; message: string }> {
  return Object.fromEntries(Object.entries(errors).map(([field, code]) => [field, { code, message: MESSAGES[code][locale] }]));
}
