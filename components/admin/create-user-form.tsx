"use client";
import { useActionState } from "react";
import { createUserAction, resetPasswordAction, type TCreateUserState, type TResetState } from "@/components/admin/actions";

const ROLES = [
  ["ADMIN", "Admin"],
  ["PIMPINAN", "Pimpinan"],
  ["KEPALA_UNIT", "Kepala unit"],
  ["OPERATOR", "Operator"],
] as const;

const ERRORS: Record<string, string> = {
  invalid: "Periksa email, nama, peran dan unit.",
  exists: "Email itu sudah terdaftar.",
  notFound: "Unit tidak ditemukan di wilayah admin Anda.",
};

export function CreateUserForm({ units }: { units: { code: string; name: string; depth: number }[] }) {
  const [state, action, pending] = useActionState(createUserAction, {} as TCreateUserState);
  return (
    <form action={action} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
      {state.error && <p role="alert" className="text-red-800 sm:col-span-2">{ERRORS[state.error] ?? state.error}</p>}
      {state.created && (
        <p role="status" className="rounded-md bg-brand-50 p-3 sm:col-span-2" data-testid="temporary-password">
          Akun {state.created.email} dibuat. Kata sandi sementara (tampil sekali): <code className="font-mono">{state.created.temporaryPassword}</code>
        </p>
      )}
      <div className="text-sm">
        <label htmlFor="new-email">Email</label>
        <input id="new-email" name="email" type="email" required className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1" />
      </div>
      <div className="text-sm">
        <label htmlFor="new-name">Nama</label>
        <input id="new-name" name="name" required className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1" />
      </div>
      <div className="text-sm">
        <label htmlFor="new-role">Peran</label>
        <select id="new-role" name="role" className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1">
          {ROLES.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
        </select>
      </div>
      <div className="text-sm">
        <label htmlFor="new-unit">Unit</label>
        <select id="new-unit" name="unitCode" className="mt-1 w-full rounded-md border border-slate-400 px-2 py-1">
          {units.map((u) => <option key={u.code} value={u.code}>{"\u00a0".repeat(u.depth * 3)}{u.name}</option>)}
        </select>
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white sm:col-span-2">Buat akun</button>
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: string }) {
  const [state, action, pending] = useActionState(resetPasswordAction, {} as TResetState);
  return (
    <form action={action}>
      <input type="hidden" name="userId" value={userId} />
      {state.temporaryPassword && (
        <p role="status" className="mb-2 rounded-md bg-brand-50 p-3" data-testid="temporary-password">
          Kata sandi sementara (tampil sekali): <code className="font-mono">{state.temporaryPassword}</code>
        </p>
      )}
      <button type="submit" disabled={pending} className="rounded-md border border-slate-400 px-3 py-1">Atur ulang kata sandi</button>
    </form>
  );
}
