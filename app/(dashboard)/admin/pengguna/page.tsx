import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { requireCaller } from "@/lib/auth/page";
import { listUnitsForCaller } from "@/lib/dal/units";
import { listUsers } from "@/lib/dal/users";

export const metadata: Metadata = { title: "Pengguna" };

const ROLE_LABEL = { ADMIN: "Admin", PIMPINAN: "Pimpinan", KEPALA_UNIT: "Kepala unit", OPERATOR: "Operator" } as const;

export default async function UsersPage() {
  const caller = await requireCaller("/admin/pengguna");
  const users = await listUsers(caller);
  if (!users) notFound();
  const units = await listUnitsForCaller(caller, "admin");
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">Pengguna</h1>
      <CreateUserForm units={units} />
      <table className="w-full border-collapse bg-white text-sm" data-testid="user-table">
        <thead><tr className="border-b text-left"><th className="p-2">Nama</th><th className="p-2">Email</th><th className="p-2">Peran</th><th className="p-2">Status</th></tr></thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b">
              <td className="p-2"><Link className="text-brand-700 underline" href={`/admin/pengguna/${u.id}`}>{u.name}</Link></td>
              <td className="p-2">{u.email}</td>
              <td className="p-2">{u.roles.map((r) => `${ROLE_LABEL[r.role]} · ${r.unitName}`).join("; ")}</td>
              <td className="p-2">{u.active ? "Aktif" : "Nonaktif"}{u.mustChangePassword ? " · wajib ganti sandi" : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
