import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { assignRoleAction, removeRoleAction, setActiveAction } from "@/components/admin/actions";
import { ResetPasswordForm } from "@/components/admin/create-user-form";
import { requireCaller } from "@/lib/auth/page";
import { listUnitsForCaller } from "@/lib/dal/units";
import { getUser } from "@/lib/dal/users";

export const metadata: Metadata = { title: "Pengguna" };

export default async function UserPage(props: PageProps<"/admin/pengguna/[id]">) {
  const { id } = await props.params;
  const caller = await requireCaller(`/admin/pengguna/${id}`);
  const user = await getUser(caller, id);
  if (!user) notFound();
  const units = await listUnitsForCaller(caller, "admin");
  return (
    <main className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{user.name}</h1>
        <p className="text-slate-600">{user.email} · {user.active ? "Aktif" : "Nonaktif"}</p>
      </div>
      <section className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Peran</h2>
        <ul className="mt-2 space-y-1" data-testid="role-list">
          {user.roles.map((r) => (
            <li key={r.id} className="flex items-center gap-3">
              <span>{r.role} · {r.unitName}</span>
              <form action={removeRoleAction}>
                <input type="hidden" name="userId" value={user.id} />
                <input type="hidden" name="assignmentId" value={r.id} />
                <button type="submit" className="text-sm text-red-800 underline">Cabut</button>
              </form>
            </li>
          ))}
        </ul>
        <form action={assignRoleAction} className="mt-3 flex flex-wrap items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label className="text-sm">Peran
            <select name="role" className="ml-1 rounded-md border border-slate-400 px-2 py-1">
              <option value="KEPALA_UNIT">Kepala unit</option><option value="OPERATOR">Operator</option><option value="PIMPINAN">Pimpinan</option><option value="ADMIN">Admin</option>
            </select>
          </label>
          <label className="text-sm">Unit
            <select name="unitCode" className="ml-1 rounded-md border border-slate-400 px-2 py-1">
              {units.map((u) => <option key={u.code} value={u.code}>{"\u00a0".repeat(u.depth * 3)}{u.name}</option>)}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-1 text-white">Tambah peran</button>
        </form>
      </section>
      <section className="flex flex-wrap gap-4 rounded-lg border border-slate-200 bg-white p-4">
        <form action={setActiveAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <button type="submit" className="rounded-md border border-slate-400 px-3 py-1">{user.active ? "Nonaktifkan" : "Aktifkan"}</button>
        </form>
        <ResetPasswordForm userId={user.id} />
      </section>
    </main>
  );
}
