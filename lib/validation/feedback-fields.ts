// Follow-up states of a saran, shared by the inbox form (browser) and its schema:
// kept free of zod so the form does not ship a validation library.
export const FEEDBACK_STATUSES = ["BARU", "DITINDAKLANJUTI", "SELESAI", "DIABAIKAN"] as const;
export type TFeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
