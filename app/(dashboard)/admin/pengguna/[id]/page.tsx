import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { assignRoleAction, removeRoleAction, setActiveAction } from "@/components/admin/actions";
import { ResetPasswordForm, UnitOptions } from "@/components/admin/create-user-form";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { linkVariants } from "@/components/ui/text-link";
import { requireCaller } from "@/lib/auth/page";
import { listUnitsForCaller } from "@/lib/dal/units";
import { getUser } from "@/lib/dal/users";
import { ROLES } from "@/lib/validation/user-fields";

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
          {user.roles.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-3">
              <span>{t("roleAt", { role: role(r.role), unit: r.unitName })}</span>
              <form action={removeRoleAction}>
                <input type="hidden" name="userId" value={user.id} />
                <input type="hidden" name="assignmentId" value={r.id} />
                <Button type="submit" variant="link" size="inline" className="text-sm text-red-800">
                  {t("revoke")}
                </Button>
              </form>
            </li>
          ))}
        </ul>
        <form action={assignRoleAction} className="mt-3 grid gap-3 sm:flex sm:flex-wrap sm:items-end">
          <input type="hidden" name="userId" value={user.id} />
          <Field id="role-role" label={t("role")}>
            {(c) => (
              <Select {...c} name="role" size="sm" width="auto" required defaultValue="">
                <option value="" disabled>
                  {t("chooseRole")}
                </option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {role(r)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="role-unit" label={t("unit")}>
            {(c) => (
              <Select {...c} name="unitCode" size="sm" width="wide">
                <UnitOptions units={units} />
              </Select>
            )}
          </Field>
          <Button type="submit" size="sm" className="justify-self-start">
            {t("addRole")}
          </Button>
        </form>
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
