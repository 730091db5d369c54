// The demo units' heads, who sign the SKM report: fictional names, the jabatan a unit of that
// kind has, and a NIP of the civil service's shape (birth date, appointment month, 1 = male /
// 2 = female, serial). Derived from the unit's place in the tree, not from the seed's random
// stream, so adding them changes none of the demo's responses. Data for seed-demo.ts.

// Given names (with the sex the NIP records) and family names cycle with different lengths, so
// no two of the demo's units share a head.
const GIVEN: readonly [string, 1 | 2][] = [
  ["Asep", 1], ["Rina", 2], ["Dedi", 1], ["Euis", 2], ["Bambang", 1], ["Yuyun", 2], ["Agus", 1], ["Nia", 2], ["Rahmat", 1], ["Siti", 2],
];
const FAMILY = ["Suryana", "Marlina", "Kurniawan", "Sulastri", "Hermawan", "Wahyuni", "Hidayat"];
const DEGREE = ["S.Sos., M.Si.", "S.E., M.M.", "S.H., M.H.", "S.T., M.T.", "S.STP., M.AP."];

const TITLE: Record<string, string> = {
  PEMDA: "Sekretaris Daerah",
  DINAS: "Kepala Dinas",
  BADAN: "Kepala Badan",
  BIDANG: "Kepala Bidang",
  UPT: "Kepala UPT",
  PUSKESMAS: "Kepala Puskesmas",
  KECAMATAN: "Camat",
  KELURAHAN: "Lurah",
  LAINNYA: "Direktur",
};

export type TDemoHead = { name: string; title: string; nip: string };

/** The head of the `index`-th unit of the demo tree (a unit of `kind` named `unitName`). */
export function demoHead(index: number, kind: string, unitName: string): TDemoHead {
  const [given, sex] = GIVEN[index % GIVEN.length]!;
  const name = `${given} ${FAMILY[index % FAMILY.length]}, ${DEGREE[index % DEGREE.length]}`;
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const born = `${1966 + (index % 14)}${pad(1 + (index % 12), 2)}${pad(1 + ((index * 7) % 28), 2)}`;
  const appointed = `${1992 + (index % 14)}${pad(1 + ((index * 5) % 12), 2)}`;
  const nip = `${born}${appointed}${sex}${pad(1 + (index % 9), 3)}`;
  const title = TITLE[kind] ?? "Kepala";
  // "Kepala Dinas Kesehatan", "Camat Sukamaju", "Direktur RSUD ...": the jabatan names its unit.
  const unit = kind === "KECAMATAN" || kind === "KELURAHAN" ? unitName.replace(/^(Kecamatan|Kelurahan)\s+/, "") : unitName.replace(/^(Dinas|Badan|Bidang|UPT|Puskesmas)\s+/, "");
  return { name, title: kind === "PEMDA" ? `${title} ${unitName.replace(/^Pemerintah\s+/, "")}` : `${title} ${unit}`, nip };
}
