import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { setActiveAction } from "@/components/admin/actions";
import { ResetPasswordForm } from "@/components/admin/create-user-form";
import { AssignRoleForm, RemoveRoleForm } from "@/components/user-admin/role-forms";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { linkVariants } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listUnitsForCaller } from "@/lib/dal/units";
import { getUser } from "@/lib/dal/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meta"))("users") };
}

export default async function UserPage(props: PageProps<"/admin/pengguna/[id]">) {
  const { id } = await props.params;
  const caller = await requireCaller(`/admin/pengguna/${id}`);
  const user = await getUser(caller, id);
  if (!user) notFound();
  const [units, t, role] = await Promise.all([listUnitsForCaller(caller, "admin"), getTranslations("admin"), getTranslations("labels.role")]);
  return (
    <main className="space-y-6">
      <p className="text-sm">
        <Link href="/admin/pengguna" className={linkVariants()}>
          ← {t("back")}
        </Link>
      </p>
      <div>
        <h1 className="text-2xl font-bold">{user.name}</h1>
        <p className="break-all text-slate-600">{t("userStatus", { email: user.email, status: user.active ? t("active") : t("inactive") })}</p>
      </div>
      <Card>
        <CardTitle>{t("roles")}</CardTitle>
        <ul className="mt-2 space-y-1" data-testid="role-list">
          {user.roles.map((r) => {
            const label = t("roleAt", { role: role(r.role), unit: r.unitName });
            return (
              <li key={r.id} className="flex flex-wrap items-center gap-3">
                <span>{label}</span>
                <RemoveRoleForm userId={user.id} assignmentId={r.id} label={label} />
              </li>
            );
          })}
        </ul>
        <AssignRoleForm userId={user.id} units={units} />
      </Card>
      <Card className="flex flex-wrap gap-4">
        <form action={setActiveAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <Button type="submit" variant={user.active ? "danger" : "secondary"} size="sm">
            {user.active ? t("deactivate") : t("activate")}
          </Button>
        </form>
        <ResetPasswordForm userId={user.id} />
      </Card>
    </main>
  );
}
