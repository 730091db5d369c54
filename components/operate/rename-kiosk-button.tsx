"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { renameKioskAction, type TRenameKioskState } from "@/components/operate/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useFieldError } from "@/components/ui/use-field-error";

/** "Rename", then the tablet's name in a field: the list says which tablet is which. */
export function RenameKioskButton({ deviceId, name }: { deviceId: string; name: string }) {
  const [editing, setEditing] = useState(false);
  const [state, action, pending] = useActionState(async (prev: TRenameKioskState, form: FormData) => {
    const next = await renameKioskAction(prev, form);
    // Saved: back to the button; the list is read again with the new name.
    if (next.done) setEditing(false);
    return next;
  }, {} as TRenameKioskState);
  const t = useTranslations("operate");
  const common = useTranslations("common");
  const error = useFieldError(state.fields);
  if (!editing) {
    return (
      <Button variant="secondary" size="sm" onClick={() => setEditing(true)} aria-label={t("kioskRenameNamed", { name })}>
        {t("kioskRename")}
      </Button>
    );
  }
  return (
    <form action={action} className="min-w-48 space-y-2" data-testid="kiosk-rename-form" noValidate>
      <input type="hidden" name="deviceId" value={deviceId} />
      <Field id={`rename-${deviceId}`} dense label={t("kioskNewName")} error={error("name")}>
        {(c) => <Input {...c} name="name" size="sm" defaultValue={state.name ?? name} maxLength={100} autoFocus />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" disabled={pending}>
          {common("save")}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setEditing(false)}>
          {t("cancel")}
        </Button>
      </div>
      {state.error && state.error !== "form" && <Alert tone="error">{t("kioskRenameFailed")}</Alert>}
    </form>
  );
}
