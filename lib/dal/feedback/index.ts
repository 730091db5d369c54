// The feedback inbox's data layer, one file per concern: the list and its filters
// (list.ts), one item's page (item.ts), triage writes (triage.ts), the reply and
// the audited view of contact details (reply.ts), service levels (service-level.ts).
export { getFeedbackItem, type TFeedbackItem } from "@/lib/dal/feedback/item";
export { INBOX_PAGE_SIZE, listInbox, type TInboxPage, type TInboxRow } from "@/lib/dal/feedback/list";
export { replyToFeedback, viewContact, type TContact } from "@/lib/dal/feedback/reply";
export { feedbackCountsByUnit, feedbackServiceLevels, type TFeedbackCounts, type TFeedbackServiceLevels } from "@/lib/dal/feedback/service-level";
export { addFeedbackNote, assignFeedback, setFeedbackStatus } from "@/lib/dal/feedback/triage";
