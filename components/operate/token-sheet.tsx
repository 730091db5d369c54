"use client";
import { useActionState } from "react";
import { issueTokensAction, type TTokensState } from "@/components/operate/actions";

/** Issue a batch of one-time codes and print them, one per receipt or queue ticket. */
export function TokenSheet({ unitCode, unitName, services }: { unitCode: string; unitName: string; services: { code: string; name: string }[] }) {
  const [state, action, pending] = useActionState(issueTokensAction, {} as TTokensState);
  return (
    <div>
      <form action={action} className="flex flex-wrap items-end gap-3 print:hidden">
        <input type="hidden" name="unitCode" value={unitCode} />
        <div className="text-sm">
          <label htmlFor="token-service" className="block">Layanan</label>
          <select id="token-service" name="serviceCode" className="rounded-md border border-slate-400 px-2 py-1">
            <option value="">Semua layanan (warga memilih)</option>
            {services.map((s) => <option key={s.code} value={s.code}>{s.name}</option>)}
          </select>
        </div>
        <div className="text-sm">
          <label htmlFor="token-count" className="block">Jumlah kode</label>
          <input id="token-count" name="count" type="number" min={1} max={200} defaultValue={24} className="w-24 rounded-md border border-slate-400 px-2 py-1" />
        </div>
        <div className="text-sm">
          <label htmlFor="token-days" className="block">Berlaku (hari)</label>
          <input id="token-days" name="days" type="number" min={1} max={90} defaultValue={14} className="w-24 rounded-md border border-slate-400 px-2 py-1" />
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-brand-700 px-3 py-2 text-white">Buat kode</button>
        {state.tokens && <button type="button" onClick={() => window.print()} className="rounded-md border border-slate-400 px-3 py-2">Cetak</button>}
      </form>
      {state.error && <p role="alert" className="mt-2 text-red-800">Periksa layanan, jumlah (1–200) dan masa berlaku (1–90 hari).</p>}
      {state.tokens && (
        <>
          <p role="status" className="mt-3 text-sm print:hidden">{state.tokens.length} kode dibuat. Kode hanya tampil sekali: cetak sekarang.</p>
          <ul className="mt-4 grid grid-cols-2 gap-4 sm:grid-cols-4 print:grid-cols-4" data-testid="token-sheet">
            {state.tokens.map((t) => (
              <li key={t.token} className="break-inside-avoid rounded-md border border-dashed border-slate-400 p-2 text-center text-xs">
                <div className="mx-auto w-32" role="img" aria-label={`Kode QR ${t.token}`} dangerouslySetInnerHTML={{ __html: t.svg }} />
                <p className="font-semibold">{unitName}</p>
                <p>Nilai pelayanan kami, sekali pakai:</p>
                <p className="font-mono text-sm" data-testid="token-code">{t.token}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
