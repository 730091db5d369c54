// Every action the audit log records, in one list: the entries' type
// (lib/dal/audit.ts), the audit page's filter, and its labels, one per action
// in each language (messages audit.actions; tests/unit/audit-actions.test.ts
// checks that every action written anywhere is here and labelled).

export const AUDIT_ACTIONS = [
  "auth.signin.success",
  "auth.signin.failure",
  "auth.signin.throttled",
  "user.create",
  "user.import",
  "user.activate",
  "user.deactivate",
  "user.password.change",
  "user.password.reset",
  "role.assign",
  "role.remove",
  "kiosk.enroll",
  "kiosk.revoke",
  "kiosk.rename",
  "token.issue",
  "paper.enter",
  "paper.correct",
  "paper.delete",
  // No longer written (the inbox's writes below replaced it); kept for the entries already logged.
  "feedback.update",
  "feedback.status",
  "feedback.assign",
  "feedback.note",
  "feedback.reply",
  "contact.view",
  "feedback.publish",
  "feedback.unpublish",
  "plan.start",
  "plan.action.save",
  "plan.action.delete",
  "plan.fkp.save",
  "plan.submit",
  "plan.return",
  "plan.approve",
  "plan.comment",
  "plan.progress",
  "unit.create",
  "unit.update",
  "unit.move",
  "unit.code_change",
  "unit.deactivate",
  "unit.reactivate",
  "unit.template.set",
  "template.create",
  "template.draft.start",
  "template.draft.save",
  "template.draft.discard",
  "template.publish",
  "service.create",
  "service.rename",
  "service.move",
  "service.retire",
  "service.reinstate",
  "agency.settings.update",
  "agency.logo.set",
  "agency.logo.remove",
  "period.close",
  "population.update",
  "publication.publish",
  "publication.publish_all",
  "publication.unpublish",
  "publication.log.add",
  "publication.log.remove",
  "import.commit",
  "import.undo",
  "seed.demo",
  "setup.admin",
  "setup.refused",
] as const;

export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: string): value is TAuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The message key of an action's label: next-intl reads dots as nesting, so "kiosk.enroll" is "kiosk_enroll". */
export const auditActionKey = (action: TAuditAction) => action.replaceAll(".", "_") as TAuditActionKey;

type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${Underscored<B>}` : S;
export type TAuditActionKey = Underscored<TAuditAction>;
