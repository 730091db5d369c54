import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditActionKey, isAuditAction } from "@/lib/audit-actions";
import en from "@/lib/i18n/messages/en.json";
import id from "@/lib/i18n/messages/id.json";

// The audit page shows each action by its label in the reader's language. The
// actions written anywhere (defineWrite and shellWrite specs, the sign-in
// helper, SQL inserts) are collected from the source: each must be in
// AUDIT_ACTIONS and labelled in both languages, or the page would show a raw code.

const ROOTS = ["lib", "app", "components", "scripts", "prisma"];
const SKIP = new Set(["node_modules", "generated", ".next"]);
const EXT = /\.(ts|tsx|mjs|js|sql)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return SKIP.has(e.name) ? [] : sourceFiles(p);
    return EXT.test(e.name) ? [p] : [];
  });
}

const CODE = /^[a-z]+(\.[a-z_]+)+$/;
const LITERAL = /["'`]([a-z]+(?:\.[a-z_]+)+)["'`]/g;

/** Action codes the source writes, with the file each is written in. */
function collectActions(source: string): string[] {
  const found: string[] = [];
  // `action: "kiosk.enroll"` and `action: input.active ? "user.activate" : "user.deactivate"` (to the end of the expression).
  for (const m of source.matchAll(/\baction:\s*([^,}\n]+)/g)) for (const l of m[1]!.matchAll(LITERAL)) found.push(l[1]!);
  // The sign-in helper: audit("auth.signin.failure", ...).
  for (const m of source.matchAll(/\baudit\(\s*["'`]([^"'`]+)["'`]/g)) found.push(m[1]!);
  // SQL: INSERT INTO audit_log (action, ...) VALUES ('seed.demo', ...).
  for (const m of source.matchAll(/INSERT INTO audit_log\s*\(\s*action\b[^)]*\)\s*VALUES\s*\(\s*'([^']+)'/gi)) found.push(m[1]!);
  return found.filter((c) => CODE.test(c));
}

const written = new Map<string, string>();
for (const file of ROOTS.flatMap(sourceFiles)) for (const code of collectActions(readFileSync(file, "utf8"))) written.set(code, file);

type Tree = { [k: string]: unknown };
const labels = (messages: Tree) => ((messages.audit as Tree).actions ?? {}) as Record<string, unknown>;

describe("audit actions", () => {
  it("finds the actions of every kind of write (the collector is not blind)", () => {
    for (const code of ["user.create", "user.deactivate", "kiosk.enroll", "kiosk.revoke", "auth.signin.failure", "seed.demo", "feedback.reply", "contact.view"]) {
      expect(written.has(code), code).toBe(true);
    }
    expect(collectActions(`audit: (i) => ({ action: i.on ? "x.on" : "x.off", targetType: "user" })`)).toEqual(["x.on", "x.off"]);
  });

  it("lists every action the source writes", () => {
    const unlisted = [...written].filter(([code]) => !isAuditAction(code)).map(([code, file]) => `${code} (${file})`);
    expect(unlisted).toEqual([]);
  });

  it.each([["id", id], ["en", en]] as const)("labels every action in %s", (_lang, messages) => {
    const have = labels(messages as Tree);
    const missing = AUDIT_ACTIONS.filter((a) => typeof have[auditActionKey(a)] !== "string" || !(have[auditActionKey(a)] as string).trim());
    expect(missing).toEqual([]);
    // And no label for an action that is not in the list (a renamed one left behind).
    const keys = new Set(AUDIT_ACTIONS.map(auditActionKey) as string[]);
    expect(Object.keys(have).filter((k) => !keys.has(k))).toEqual([]);
  });
});
