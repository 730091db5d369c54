"use client";
import { useActionState } from "react";
import { enrollKioskAction, type TEnrollState } from "@/components/operate/actions";

export function KioskEnrollForm({ unitCode }: { unitCode: string }) {
  const [state, action, pending] = useActionState(enrollKioskAction, {} as TEnrollState);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="unitCode" value={unitCode} />
      <div className="text-sm">
        <label htmlFor="kiosk-name">Nama perangkat kios</label>
        <input id="kiosk-name" name="name" required maxLength={100} defaultValue="Tablet loket" className="ml-2 rounded-md border border-slate-400 px-2 py-1" />
      </div>
      <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-1 text-white">Daftarkan kios</button>
      {state.link && (
        <p role="status" className="w-full rounded-md bg-brand-50 p-3 text-sm" data-testid="kiosk-link">
          Buka tautan ini sekali di tablet (token tampil sekali): <code className="break-all font-mono">{state.link}</code>
        </p>
      )}
      {state.error && <p role="alert" className="w-full text-red-800">Unit tidak ditemukan.</p>}
    </form>
  );
}
