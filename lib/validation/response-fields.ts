// Constants of the response form that the browser needs too: kept free of
// zod so the citizen's page does not ship a validation library.
export const EDUCATION = ["SD", "SMP", "SMA", "D1_D3", "S1", "S2", "S3"] as const;
export const OCCUPATION = ["PNS", "TNI", "POLRI", "SWASTA", "WIRAUSAHA", "LAINNYA"] as const;
export const GENDER = ["L", "P"] as const;

export const SARAN_MAX = 2000;

/** Error codes the UI turns into sentences in the reader's language. */
export type TResponseErrorCode =
  | "required"
  | "invalid"
  | "scoreOutOfScale"
  | "unknownItem"
  | "harapanNotAsked"
  | "noAnswer"
  | "ageRange"
  | "controlChar"
  | "tooLong"
  | "unknownUnit"
  | "unknownService"
  | "serviceRequired"
  | "consentRequired"
  | "contactRequired"
  | "tokenUsed"
  | "tokenInvalid"
  | "rateLimited"
  | "keyReused";

