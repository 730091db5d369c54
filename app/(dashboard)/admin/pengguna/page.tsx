import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CreateUserForm } from "@/components/admin/create-user-form";
import { ScrollArea, Table } from "@/components/ui/table";
import { TextLink } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listUnitsForCaller } from "@/lib/dal/units";
import { listUsers } from "@/lib/dal/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("users") };
}

export default async function UsersPage() {
  const caller = await requireCaller("/admin/pengguna");
  const users = await listUsers(caller);
  if (!users) notFound();
  const [units, t, role] = await Promise.all([listUnitsForCaller(caller, "admin"), getTranslations("admin"), getTranslations("labels.role")]);
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">{t("usersTitle")}</h1>
      <CreateUserForm units={units} />
      <ScrollArea label={t("usersTitle")} className="rounded-lg border border-slate-200 bg-white">
        <Table data-testid="user-table">
          <thead>
            <tr>
              <th>{t("name")}</th>
              <th>{t("email")}</th>
              <th>{t("roles")}</th>
              <th>{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <TextLink href={`/admin/pengguna/${u.id}`}>{u.name}</TextLink>
                </td>
                <td className="break-all">{u.email}</td>
                <td>{u.roles.map((r) => t("roleAt", { role: role(r.role), unit: r.unitName })).join("; ")}</td>
                <td>
                  {u.active ? t("active") : t("inactive")}
                  {u.mustChangePassword ? ` · ${t("mustChange")}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      </ScrollArea>
    </main>
  );
}
