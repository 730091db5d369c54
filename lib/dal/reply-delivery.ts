import "server-only";
import { queryRows, sql } from "@/lib/dal/sql";

// System reads and writes for the reply-email worker (lib/jobs/reply-email.ts): no caller,
// nobody asks; the recipient is only ever the address the citizen left with consent.

export type TReplyForEmail = {
  id: string;
  body: string;
  emailStatus: "NONE" | "QUEUED" | "SENT" | "FAILED";
  email: string | null;
  locale: string;
  saran: string | null;
  submittedAt: Date;
  unitName: string;
  unitCode: string;
};

export async function loadReplyForEmail(replyId: string): Promise<TReplyForEmail | null> {
  const [row] = await queryRows<TReplyForEmail>(sql`
    SELECT r.id, r.body, r.email_status::text AS "emailStatus", c.email, resp.locale, resp.saran,
           resp.submitted_at AS "submittedAt", u.name AS "unitName", u.code AS "unitCode"
    FROM feedback_reply r
    JOIN feedback_item fi ON fi.response_id = r.response_id
    JOIN response resp ON resp.id = r.response_id
    JOIN unit u ON u.id = fi.unit_id
    LEFT JOIN response_contact c ON c.response_id = r.response_id
    WHERE r.id = ${replyId}::uuid`);
  return row ?? null;
}

/** Records the outcome, only for a reply still waiting (a duplicate job changes nothing). */
export async function markReplyEmail(replyId: string, status: "SENT" | "FAILED" | "NONE", error: string | null = null): Promise<void> {
  await queryRows(sql`
    UPDATE feedback_reply
    SET email_status = ${status}::"DeliveryStatus",
        emailed_at = CASE WHEN ${status} = 'SENT' THEN now() ELSE emailed_at END,
        email_error = ${error ? error.slice(0, 500) : null}
    WHERE id = ${replyId}::uuid AND email_status = 'QUEUED'`);
}

/** Replies QUEUED for over 2 minutes with no live job (a crash between commit and send). */
export async function listStuckReplies(): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(sql`
    SELECT r.id FROM feedback_reply r
    WHERE r.email_status = 'QUEUED' AND r.created_at < now() - interval '2 minutes'
      AND NOT EXISTS (SELECT 1 FROM pgboss.job j
                      WHERE j.name = 'reply-email' AND j.singleton_key = r.id::text AND j.state < 'completed')
    ORDER BY r.created_at LIMIT 200`);
  return rows.map((r) => r.id);
}
