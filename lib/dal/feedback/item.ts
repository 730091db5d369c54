import "server-only";
import { prisma } from "@/lib/db";
import { coveringPaths, MANAGING_ROLES } from "@/lib/dal/feedback/access";
import { byCode } from "@/lib/dal/feedback/list";
import { resolveScope, type TUnitNode } from "@/lib/dal/dashboard/scope";
import { agencySettings } from "@/lib/dal/settings";
import { serviceLevel, type TServiceLevel } from "@/lib/feedback/working-days";
import { can, type TCaller } from "@/lib/permissions";
import type { TFeedbackStatus } from "@/lib/validation/feedback-fields";

// One item of the inbox as its page shows it: the whole response (scores with the
// items' wording, profile, service, channel), its triage, the notes' thread and
// the replies. Contact details are NOT here: they are read through viewContact,
// which audits every view; this says only whether the citizen left an email or phone.

export type TFeedbackItem = {
  /** The inbox unit the page is under (the item is in its subtree). */
  inbox: TUnitNode;
  id: string;
  unit: { code: string; name: string };
  submittedAt: Date;
  channel: string;
  verified: boolean;
  service: string | null;
  saran: string | null;
  lowItems: string[];
  scores: { code: string; unsur: string; unsurEn: string; question: string; questionEn: string; score: number | null }[];
  profile: { gender: string | null; age: number | null; education: string | null; occupation: string | null };
  status: TFeedbackStatus;
  assigneeId: string | null;
  answeredAt: Date | null;
  closedAt: Date | null;
  level: TServiceLevel;
  targetDays: number;
  notes: { id: string; body: string; author: string | null; at: Date }[];
  replies: { id: string; body: string; author: string | null; at: Date; emailStatus: "NONE" | "QUEUED" | "SENT" | "FAILED" }[];
  /** Whether the citizen left an email or a phone number (shown to anyone who reads the item). */
  left: { email: boolean; phone: boolean; name: boolean };
  canManage: boolean;
  canSeeContact: boolean;
  /** Staff who may be assigned: feedback.manage on the item's unit (a role there or above). */
  assignees: { id: string; name: string }[];
};

/** The item `id` under the unit `code`; null when either is missing or outside the caller's dashboards. */
export async function getFeedbackItem(caller: TCaller | null, code: string, id: string, now = new Date()): Promise<TFeedbackItem | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const scoped = await resolveScope(caller, code, "gabungan");
  if (!scoped) return null;
  const item = await prisma.feedbackItem.findUnique({
    where: { responseId: id },
    include: {
      unit: { select: { code: true, name: true, path: true } },
      service: { select: { name: true } },
      response: {
        select: {
          channel: true, verified: true, answers: true, gender: true, age: true, education: true, occupation: true,
          templateVersion: { select: { items: { orderBy: { position: "asc" }, select: { code: true, unsur: true, unsurEn: true, question: true, questionEn: true } } } },
          contact: { select: { name: true, phone: true, email: true } },
        },
      },
      notes: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, author: { select: { name: true } } } },
      replies: { orderBy: { createdAt: "asc" }, select: { id: true, body: true, createdAt: true, emailStatus: true, author: { select: { name: true } } } },
    },
  });
  // In the inbox unit's subtree and visible (a suspicious response is hidden, as in the list).
  if (!item || item.suspicious || !scoped.tree.some((u) => u.id === item.unitId)) return null;
  const settings = await agencySettings();
  const answers = (item.response.answers ?? {}) as Record<string, number>;
  const canManage = can(caller, "feedback.manage", item.unit.path);
  const assignees = canManage
    ? await prisma.user.findMany({
        where: { active: true, roles: { some: { role: { in: MANAGING_ROLES }, unit: { path: { in: coveringPaths(item.unit.path) } } } } },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      })
    : [];
  const contact = item.response.contact;
  return {
    inbox: scoped.unit,
    id: item.responseId,
    unit: { code: item.unit.code, name: item.unit.name },
    submittedAt: item.submittedAt,
    channel: item.response.channel,
    verified: item.response.verified,
    service: item.service?.name ?? null,
    saran: item.saran,
    lowItems: [...item.lowItems].sort(byCode),
    scores: item.response.templateVersion.items.map((i) => ({ ...i, score: typeof answers[i.code] === "number" ? answers[i.code]! : null })),
    profile: { gender: item.response.gender, age: item.response.age, education: item.response.education, occupation: item.response.occupation },
    status: item.status,
    assigneeId: item.assigneeId,
    answeredAt: item.answeredAt,
    closedAt: item.closedAt,
    level: serviceLevel(item, settings.feedbackTargetDays, settings.timeZone, now),
    targetDays: settings.feedbackTargetDays,
    notes: item.notes.map((n) => ({ id: n.id, body: n.body, author: n.author?.name ?? null, at: n.createdAt })),
    replies: item.replies.map((r) => ({ id: r.id, body: r.body, author: r.author?.name ?? null, at: r.createdAt, emailStatus: r.emailStatus })),
    left: { email: !!contact?.email, phone: !!contact?.phone, name: !!contact?.name },
    canManage,
    canSeeContact: can(caller, "contact.read", item.unit.path),
    assignees,
  };
}
