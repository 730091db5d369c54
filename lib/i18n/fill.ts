/**
 * Fills {name} arguments of a plain message (no plural or select): for the citizen's
 * client components, which get their messages as data and ship no ICU runtime.
 * tests/unit/i18n.test.ts checks that every message they use is plain.
 */
export function fillMessage(message: string, values: Record<string, string | number>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
