import { getTranslations } from "next-intl/server";
import { RenameKioskButton } from "@/components/operate/rename-kiosk-button";
import { RevokeKioskButton } from "@/components/operate/revoke-kiosk-button";
import { Badge } from "@/components/ui/badge";
import { ScrollArea, Table } from "@/components/ui/table";
import type { TKioskDeviceRow } from "@/lib/dal/operate";
import { getFormat } from "@/lib/i18n/server";

/** The unit's kiosk tablets: when and by whom enrolled, last seen, in use or revoked; revocable by those who may operate the unit. */
export async function KioskList({ devices }: { devices: TKioskDeviceRow[] }) {
  const [t, f] = await Promise.all([getTranslations("operate"), getFormat()]);
  if (devices.length === 0) return <p className="text-sm text-slate-700" data-testid="kiosk-devices-empty">{t("kioskNone")}</p>;
  return (
    <ScrollArea label={t("kioskDevices")} className="rounded-md border border-slate-200">
      <Table data-testid="kiosk-devices">
        <thead>
          <tr>
            <th scope="col">{t("kioskColName")}</th>
            <th scope="col">{t("kioskEnrolled")}</th>
            <th scope="col">{t("kioskLastSeen")}</th>
            <th scope="col">{t("kioskStatus")}</th>
            <th scope="col">{t("kioskActions")}</th>
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => (
            <tr key={d.id} data-testid="kiosk-device">
              <td className="break-words font-medium">{d.name}</td>
              <td>
                <span className="whitespace-nowrap">{f.dateTime(d.enrolledAt)}</span>
                <br />
                <span className="text-slate-700">{d.enrolledBy ? t("kioskEnrolledBy", { name: d.enrolledBy.name }) : t("kioskEnrolledShell")}</span>
              </td>
              <td className="whitespace-nowrap">{d.lastSeenAt ? f.dateTime(d.lastSeenAt) : t("kioskNeverSeen")}</td>
              <td>
                {d.revokedAt ? (
                  <>
                    <Badge tone="danger">{t("kioskRevoked")}</Badge>
                    <br />
                    <span className="whitespace-nowrap text-slate-700">{f.dateTime(d.revokedAt)}</span>
                  </>
                ) : (
                  <Badge tone="success">{t("kioskActive")}</Badge>
                )}
              </td>
              <td>
                {!d.revokedAt && (
                  <div className="flex flex-wrap items-start gap-2">
                    <RenameKioskButton deviceId={d.id} name={d.name} />
                    <RevokeKioskButton deviceId={d.id} name={d.name} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </ScrollArea>
  );
}
