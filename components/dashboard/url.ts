import type { TSearchParams } from "@/lib/validation/dashboard";

/** `path` with the current query, some parameters replaced (undefined/"" removes one). */
export function withQuery(path: string, current: TSearchParams, changes: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(current)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value !== undefined && value !== "" && !(k in changes)) params.set(k, value);
  }
  for (const [k, v] of Object.entries(changes)) if (v !== undefined && v !== "") params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
