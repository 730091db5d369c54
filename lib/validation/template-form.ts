// The questionnaire editor posts one field per value, named by its path in the
// version's content ("items.0.options.2.labelEn", "bands.1.min"): plain HTML form
// fields, so the editor is an ordinary form. This turns them back into the object
// ZTemplateContent checks. Pure.

type TNode = { [key: string]: TNode | string };

const INDEX = /^\d{1,3}$/;

/** Nested objects from dotted names; numbered levels become arrays in index order (gaps closed). */
export function unflattenForm(entries: Iterable<[string, unknown]>, prefixes: readonly string[]): Record<string, unknown> {
  const root: TNode = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string" || !prefixes.some((p) => name === p || name.startsWith(`${p}.`))) continue;
    const parts = name.split(".");
    if (parts.some((p) => p === "" || p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node = root;
    for (const [i, part] of parts.entries()) {
      if (i === parts.length - 1) node[part] = value;
      else {
        const next = node[part];
        node = typeof next === "object" ? next : (node[part] = {});
      }
    }
  }
  return toArrays(root) as Record<string, unknown>;
}

function toArrays(node: TNode | string): unknown {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((k) => INDEX.test(k))) {
    return keys.map(Number).sort((a, b) => a - b).map((k) => toArrays(node[String(k)]!));
  }
  return Object.fromEntries(keys.map((k) => [k, toArrays(node[k]!)]));
}

/** The editor's form as the content of a version (checkbox "asksHarapan" on = "on"). */
export function templateContentFromForm(form: FormData): Record<string, unknown> {
  const content = unflattenForm(form.entries(), ["scaleMin", "scaleMax", "items", "bands"]);
  return { items: [], bands: [], ...content, asksHarapan: form.get("asksHarapan") === "on" };
}
