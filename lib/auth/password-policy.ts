// What a new password must be: long enough, and not one that attackers try
// first. Pure, so the form and the server share it.
export const PASSWORD_MIN_LENGTH = 10;

// The most-used passwords in public breach lists, plus the ones Indonesian
// offices tend to pick (agency and regional words, years, "bismillah").
const COMMON = new Set(
  `123456 123456789 12345678 1234567890 12345 1234567 password password1 password123 passw0rd qwerty qwerty123
  qwertyuiop 111111 000000 123123 abc123 abcd1234 iloveyou admin admin123 administrator welcome welcome1
  letmein monkey dragon football sunshine princess master login 1q2w3e4r 1qaz2wsx zaq12wsx asdfghjkl
  superman trustno1 changeme default secret p@ssw0rd p@ssword indonesia indonesia1 indonesia123 jakarta
  bismillah bismillah123 alhamdulillah merdeka merdeka45 garuda pancasila nkri1945 rahasia rahasia123
  sayang sayangku cintaku katasandi katasandi123 pemkab pemkot pemda dinas puskesmas kantor kantor123
  pegawai asn12345 pns12345 admin12345 operator operator123 suara suara123 survei survei123 ikm12345
  bandung surabaya semarang yogyakarta makassar medan palembang 2024 2025 2026 20242024 20252025
  01012000 12341234 11223344 987654321 aaaaaaaaaa qwerty12345`
    .split(/\s+/)
    .filter(Boolean),
);

export type TPasswordProblem = "tooShort" | "tooCommon" | "containsEmail";

export function passwordProblem(password: string, email?: string): TPasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "tooShort";
  const lower = password.toLowerCase();
  const stripped = lower.replace(/[\d!@#$%^&*._-]+$/, "");
  if (COMMON.has(lower) || COMMON.has(stripped) || /^(.)\1+$/.test(lower) || "01234567890123456789".includes(lower)) {
    return "tooCommon";
  }
  const local = email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return "containsEmail";
  return null;
}
