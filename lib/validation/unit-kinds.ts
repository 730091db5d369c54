// The kinds of unit, in the order an admin reads them (zod-free: the forms need them in the browser).
export const UNIT_KINDS = ["PEMDA", "DINAS", "BADAN", "KECAMATAN", "BIDANG", "UPT", "PUSKESMAS", "KELURAHAN", "LAINNYA"] as const;
export type TUnitKind = (typeof UNIT_KINDS)[number];
