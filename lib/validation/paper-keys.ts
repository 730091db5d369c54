// What an operator types for a profile field of a paper sheet: the number (or
// letter) printed beside the option. Free of zod: the entry screen ships it.
import { EDUCATION, OCCUPATION } from "@/lib/validation/response-fields";

export const PROFILE_KEYS = {
  gender: { L: "L", P: "P", "1": "L", "2": "P" },
  education: Object.fromEntries(EDUCATION.map((v, i) => [String(i + 1), v])),
  occupation: Object.fromEntries(OCCUPATION.map((v, i) => [String(i + 1), v])),
} as const satisfies Record<string, Record<string, string>>;
