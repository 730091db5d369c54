// The respondent profile as the rollup counts it: fixed slots, one per answer
// and a last "not given" slot per question. The database builds the same
// vector in suara_profile_vector() (prisma/migrations/*_dashboard_rollups);
// tests/integration/rollup.test.ts checks that the two agree.
import { EDUCATION, GENDER, OCCUPATION } from "@/lib/validation/response-fields";

export const AGE_BANDS = ["<20", "20-29", "30-39", "40-49", "50-59", ">=60"] as const;
export type TAgeBand = (typeof AGE_BANDS)[number];

export const NOT_GIVEN = "-" as const;

export const PROFILE_LAYOUT = [
  { question: "gender", answers: [...GENDER, NOT_GIVEN] },
  { question: "age", answers: [...AGE_BANDS, NOT_GIVEN] },
  { question: "education", answers: [...EDUCATION, NOT_GIVEN] },
  { question: "occupation", answers: [...OCCUPATION, NOT_GIVEN] },
] as const;

export type TProfileQuestion = (typeof PROFILE_LAYOUT)[number]["question"];

/** Length of the rollup's profile array. */
export const PROFILE_SLOTS = PROFILE_LAYOUT.reduce((n, q) => n + q.answers.length, 0);

export function ageBand(age: number): TAgeBand {
  if (age < 20) return "<20";
  if (age < 30) return "20-29";
  if (age < 40) return "30-39";
  if (age < 50) return "40-49";
  if (age < 60) return "50-59";
  return ">=60";
}

export type TProfileInput = { gender?: string | null; age?: number | null; education?: string | null; occupation?: string | null };

/** The slots one respondent fills (0-based), one per question. */
export function profileSlots(p: TProfileInput): number[] {
  const given: Record<TProfileQuestion, string> = {
    gender: p.gender ?? NOT_GIVEN,
    age: p.age === null || p.age === undefined ? NOT_GIVEN : ageBand(p.age),
    education: p.education ?? NOT_GIVEN,
    occupation: p.occupation ?? NOT_GIVEN,
  };
  const slots: number[] = [];
  let offset = 0;
  for (const q of PROFILE_LAYOUT) {
    const at = (q.answers as readonly string[]).indexOf(given[q.question]);
    if (at < 0) throw new RangeError(`${q.question}: unknown answer ${given[q.question]}`);
    slots.push(offset + at);
    offset += q.answers.length;
  }
  return slots;
}

/** One respondent's profile vector (what the rollup adds for them). */
export function profileVector(p: TProfileInput): number[] {
  const v = new Array<number>(PROFILE_SLOTS).fill(0);
  for (const s of profileSlots(p)) v[s] = 1;
  return v;
}

export type TProfileCounts = Record<TProfileQuestion, { answer: string; respondents: number }[]>;

/** A summed profile vector, per question and answer. */
export function readProfile(vector: readonly number[]): TProfileCounts {
  const out = {} as TProfileCounts;
  let offset = 0;
  for (const q of PROFILE_LAYOUT) {
    out[q.question] = q.answers.map((answer, i) => ({ answer, respondents: vector[offset + i] ?? 0 }));
    offset += q.answers.length;
  }
  return out;
}
