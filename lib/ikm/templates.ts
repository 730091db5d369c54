import type { IkmTemplate, MutuBand, Mutu, OptionLabel, TemplateItem } from "./types";

/** Labels for scores 1..4 as [id, en] pairs. */
type FourLabels = readonly [
  readonly [string, string],
  readonly [string, string],
  readonly [string, string],
  readonly [string, string],
];

function options4(labels: FourLabels): OptionLabel[] {
  return labels.map(([id, en], index) => ({ value: index + 1, id, en }));
}

const SESUAI: FourLabels = [
  ["Tidak sesuai", "Not appropriate"],
  ["Kurang sesuai", "Less appropriate"],
  ["Sesuai", "Appropriate"],
  ["Sangat sesuai", "Very appropriate"],
];

const PENDAPAT = "Bagaimana pendapat Saudara tentang";
const OPINION = "What is your opinion of";

/** Kinerja labels shared by both regulations. */
const KINERJA = {
  D: ["Tidak Baik", "Not good"],
  C: ["Kurang Baik", "Less than good"],
  B: ["Baik", "Good"],
  A: ["Sangat Baik", "Very good"],
} as const satisfies Record<Mutu, readonly [string, string]>;

function band(mutu: Mutu, min: number, max: number): MutuBand {
  return { mutu, kinerja: KINERJA[mutu][0], kinerjaEn: KINERJA[mutu][1], min, max };
}

// PermenPANRB 14/2017, questionnaire order (Sarana = U8, Pengaduan = U9; the regulation's
// list swaps those two, the questionnaire and most reports do not). Options per DOMAIN.md.
const PERMENPAN_14_2017_ITEMS: TemplateItem[] = [
  {
    code: "U1",
    name: "Persyaratan",
    nameEn: "Requirements",
    question: `${PENDAPAT} kesesuaian persyaratan pelayanan dengan jenis pelayanannya?`,
    questionEn: `${OPINION} how well the service requirements fit the type of service?`,
    options: options4(SESUAI),
  },
  {
    code: "U2",
    name: "Sistem, Mekanisme, dan Prosedur",
    nameEn: "Systems, Mechanisms and Procedures",
    question: "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    questionEn: "How do you judge the ease of the service procedure at this unit?",
    options: options4([
      ["Tidak mudah", "Not easy"],
      ["Kurang mudah", "Less easy"],
      ["Mudah", "Easy"],
      ["Sangat mudah", "Very easy"],
    ]),
  },
  {
    code: "U3",
    name: "Waktu Penyelesaian",
    nameEn: "Completion Time",
    question: `${PENDAPAT} kecepatan waktu dalam memberikan pelayanan?`,
    questionEn: `${OPINION} the speed with which the service is delivered?`,
    options: options4([
      ["Tidak cepat", "Not fast"],
      ["Kurang cepat", "Less fast"],
      ["Cepat", "Fast"],
      ["Sangat cepat", "Very fast"],
    ]),
  },
  {
    code: "U4",
    name: "Biaya/Tarif",
    nameEn: "Cost/Tariff",
    question: `${PENDAPAT} kewajaran biaya/tarif dalam pelayanan?`,
    questionEn: `${OPINION} the fairness of the cost/tariff of the service?`,
    options: options4([
      ["Sangat mahal", "Very expensive"],
      ["Cukup mahal", "Fairly expensive"],
      ["Murah", "Cheap"],
      ["Gratis", "Free"],
    ]),
  },
  {
    code: "U5",
    name: "Produk Spesifikasi Jenis Pelayanan",
    nameEn: "Product Specification of the Service",
    question: `${PENDAPAT} kesesuaian produk pelayanan antara standar pelayanan dan hasil yang diberikan?`,
    questionEn: `${OPINION} how well the service product matches the service standard?`,
    options: options4(SESUAI),
  },
  {
    code: "U6",
    name: "Kompetensi Pelaksana",
    nameEn: "Staff Competence",
    question: `${PENDAPAT} kompetensi/kemampuan petugas dalam pelayanan?`,
    questionEn: `${OPINION} the competence/ability of the staff in delivering the service?`,
    options: options4([
      ["Tidak kompeten", "Not competent"],
      ["Kurang kompeten", "Less competent"],
      ["Kompeten", "Competent"],
      ["Sangat kompeten", "Very competent"],
    ]),
  },
  {
    code: "U7",
    name: "Perilaku Pelaksana",
    nameEn: "Staff Conduct",
    question: `${PENDAPAT} perilaku petugas terkait kesopanan dan keramahan?`,
    questionEn: `${OPINION} the staff's courtesy and friendliness?`,
    options: options4([
      ["Tidak sopan dan ramah", "Not polite and friendly"],
      ["Kurang sopan dan ramah", "Less polite and friendly"],
      ["Sopan dan ramah", "Polite and friendly"],
      ["Sangat sopan dan ramah", "Very polite and friendly"],
    ]),
  },
  {
    code: "U8",
    name: "Sarana dan Prasarana",
    nameEn: "Facilities and Infrastructure",
    question: `${PENDAPAT} kualitas sarana dan prasarana?`,
    questionEn: `${OPINION} the quality of the facilities and infrastructure?`,
    options: options4([
      ["Buruk", "Poor"],
      ["Cukup", "Fair"],
      ["Baik", "Good"],
      ["Sangat baik", "Very good"],
    ]),
  },
  {
    code: "U9",
    name: "Penanganan Pengaduan, Saran dan Masukan",
    nameEn: "Handling of Complaints, Suggestions and Feedback",
    question: `${PENDAPAT} penanganan pengaduan pengguna layanan?`,
    questionEn: `${OPINION} how complaints from service users are handled?`,
    options: options4([
      ["Tidak ada", "None"],
      ["Ada tetapi tidak berfungsi", "Exists but does not work"],
      ["Berfungsi kurang maksimal", "Works, but not fully"],
      ["Dikelola dengan baik", "Well managed"],
    ]),
  },
];

function item2004(
  code: string,
  name: string,
  nameEn: string,
  topic: string,
  topicEn: string,
  labels: FourLabels,
  lead = PENDAPAT,
): TemplateItem {
  return {
    code,
    name,
    nameEn,
    question: `${lead} ${topic}?`,
    questionEn: `${OPINION} ${topicEn}?`,
    options: options4(labels),
  };
}

// KepmenPAN 25/2004, 14 unsur in the decree's order. Question wording and options follow the
// decree's sample questionnaire as commonly reproduced in legacy reports; legacy data only
// needs the codes and names, the wording matters if the form is ever re-used.
const KEPMENPAN_25_2004_ITEMS: TemplateItem[] = [
  item2004("U1", "Prosedur Pelayanan", "Service Procedure",
    "kemudahan prosedur pelayanan di unit ini", "the ease of the service procedure at this unit",
    [["Tidak mudah", "Not easy"], ["Kurang mudah", "Less easy"], ["Mudah", "Easy"], ["Sangat mudah", "Very easy"]],
    "Bagaimana pemahaman Saudara tentang"),
  item2004("U2", "Persyaratan Pelayanan", "Service Requirements",
    "kesesuaian persyaratan pelayanan dengan jenis pelayanannya",
    "how well the service requirements fit the type of service", SESUAI),
  item2004("U3", "Kejelasan Petugas Pelayanan", "Clarity of Service Staff",
    "kejelasan dan kepastian petugas yang melayani", "the clarity and certainty of the staff serving you",
    [["Tidak jelas", "Not clear"], ["Kurang jelas", "Less clear"], ["Jelas", "Clear"], ["Sangat jelas", "Very clear"]]),
  item2004("U4", "Kedisiplinan Petugas Pelayanan", "Discipline of Service Staff",
    "kedisiplinan petugas dalam memberikan pelayanan", "the staff's discipline in delivering the service",
    [["Tidak disiplin", "Not disciplined"], ["Kurang disiplin", "Less disciplined"], ["Disiplin", "Disciplined"], ["Sangat disiplin", "Very disciplined"]]),
  item2004("U5", "Tanggung Jawab Petugas Pelayanan", "Responsibility of Service Staff",
    "tanggung jawab petugas dalam memberikan pelayanan", "the staff's responsibility in delivering the service",
    [["Tidak bertanggung jawab", "Not responsible"], ["Kurang bertanggung jawab", "Less responsible"], ["Bertanggung jawab", "Responsible"], ["Sangat bertanggung jawab", "Very responsible"]]),
  item2004("U6", "Kemampuan Petugas Pelayanan", "Ability of Service Staff",
    "kemampuan petugas dalam memberikan pelayanan", "the staff's ability in delivering the service",
    [["Tidak mampu", "Not able"], ["Kurang mampu", "Less able"], ["Mampu", "Able"], ["Sangat mampu", "Very able"]]),
  item2004("U7", "Kecepatan Pelayanan", "Speed of Service",
    "kecepatan pelayanan di unit ini", "the speed of service at this unit",
    [["Tidak cepat", "Not fast"], ["Kurang cepat", "Less fast"], ["Cepat", "Fast"], ["Sangat cepat", "Very fast"]]),
  item2004("U8", "Keadilan Mendapatkan Pelayanan", "Fairness in Obtaining Service",
    "keadilan untuk mendapatkan pelayanan di unit ini", "the fairness in obtaining service at this unit",
    [["Tidak adil", "Not fair"], ["Kurang adil", "Less fair"], ["Adil", "Fair"], ["Sangat adil", "Very fair"]]),
  item2004("U9", "Kesopanan dan Keramahan Petugas", "Courtesy and Friendliness of Staff",
    "kesopanan dan keramahan petugas dalam memberikan pelayanan", "the staff's courtesy and friendliness",
    [["Tidak sopan dan ramah", "Not polite and friendly"], ["Kurang sopan dan ramah", "Less polite and friendly"], ["Sopan dan ramah", "Polite and friendly"], ["Sangat sopan dan ramah", "Very polite and friendly"]]),
  item2004("U10", "Kewajaran Biaya Pelayanan", "Reasonableness of Service Cost",
    "kewajaran biaya untuk mendapatkan pelayanan", "the reasonableness of the cost of the service",
    [["Tidak wajar", "Not reasonable"], ["Kurang wajar", "Less reasonable"], ["Wajar", "Reasonable"], ["Sangat wajar", "Very reasonable"]]),
  item2004("U11", "Kepastian Biaya Pelayanan", "Certainty of Service Cost",
    "kesesuaian antara biaya yang dibayarkan dengan biaya yang telah ditetapkan",
    "how well the cost paid matches the cost that was set",
    [["Selalu tidak sesuai", "Never matches"], ["Kadang-kadang sesuai", "Sometimes matches"], ["Banyak sesuainya", "Mostly matches"], ["Selalu sesuai", "Always matches"]]),
  item2004("U12", "Kepastian Jadwal Pelayanan", "Certainty of Service Schedule",
    "ketepatan pelaksanaan terhadap jadwal waktu pelayanan", "how punctually the service schedule is kept",
    [["Selalu tidak tepat", "Never on time"], ["Kadang-kadang tepat", "Sometimes on time"], ["Banyak tepatnya", "Mostly on time"], ["Selalu tepat", "Always on time"]]),
  item2004("U13", "Kenyamanan Lingkungan", "Comfort of the Environment",
    "kenyamanan di lingkungan unit pelayanan", "the comfort of the service unit's surroundings",
    [["Tidak nyaman", "Not comfortable"], ["Kurang nyaman", "Less comfortable"], ["Nyaman", "Comfortable"], ["Sangat nyaman", "Very comfortable"]]),
  item2004("U14", "Keamanan Pelayanan", "Security of Service",
    "keamanan pelayanan di unit ini", "the security of the service at this unit",
    [["Tidak aman", "Not safe"], ["Kurang aman", "Less safe"], ["Aman", "Safe"], ["Sangat aman", "Very safe"]]),
];

/** What a caller declares for a custom template; missing texts default to the name / the score. */
export interface TemplateDefinition {
  id: string;
  name: string;
  nameEn?: string;
  regulation?: string;
  scale: { min: number; max: number };
  items: ReadonlyArray<{
    code: string;
    name: string;
    nameEn?: string;
    question?: string;
    questionEn?: string;
    options?: ReadonlyArray<{ value: number; id: string; en?: string }>;
  }>;
  bands: ReadonlyArray<{ mutu: Mutu; kinerja: string; kinerjaEn?: string; min: number; max: number }>;
}

const KONVERSI_MIN_HUNDREDTHS = 2500;
const KONVERSI_MAX_HUNDREDTHS = 10000;

function hundredths(value: number, what: string): number {
  const h = Math.round(value * 100);
  if (!Number.isFinite(value) || Math.abs(h - value * 100) > 1e-6) {
    throw new Error(`${what}: batas pita harus bilangan dengan paling banyak dua desimal (${value})`);
  }
  return h;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object") {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Validate and normalise a template. Rules: at least one item; unique codes; an integer scale
 * min < max; options, when given, exactly one per score in order; bands ascending, starting at
 * 25.00, ending at 100.00, each next band starting 0.01 above the previous one's max, mutu
 * letters unique. Weights are always equal (1 / number of items), as both regulations say.
 */
export function defineTemplate(definition: TemplateDefinition): IkmTemplate {
  const where = `Template "${definition.id}"`;
  if (!definition.id.trim()) throw new Error("Template tanpa id");
  const { min, max } = definition.scale;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max) {
    throw new Error(`${where}: skala harus bilangan bulat dengan min < max`);
  }
  if (definition.items.length === 0) throw new Error(`${where}: tidak ada unsur`);

  const codes = new Set<string>();
  const items: TemplateItem[] = definition.items.map((item) => {
    const code = item.code.trim();
    if (!code) throw new Error(`${where}: unsur tanpa kode`);
    const key = code.toUpperCase();
    if (codes.has(key)) throw new Error(`${where}: kode unsur ${code} ganda`);
    codes.add(key);
    let options: OptionLabel[];
    if (item.options) {
      if (item.options.length !== max - min + 1 || item.options.some((o, i) => o.value !== min + i)) {
        throw new Error(`${where}: pilihan jawaban ${code} harus tepat satu per skor ${min}..${max}, berurutan`);
      }
      options = item.options.map((o) => ({ value: o.value, id: o.id, en: o.en ?? o.id }));
    } else {
      options = Array.from({ length: max - min + 1 }, (_, i) => ({
        value: min + i,
        id: String(min + i),
        en: String(min + i),
      }));
    }
    return {
      code,
      name: item.name,
      nameEn: item.nameEn ?? item.name,
      question: item.question ?? item.name,
      questionEn: item.questionEn ?? item.nameEn ?? item.question ?? item.name,
      options,
    };
  });

  if (definition.bands.length === 0) throw new Error(`${where}: tidak ada pita mutu`);
  const letters = new Set<Mutu>();
  let expectedStart = KONVERSI_MIN_HUNDREDTHS;
  const bands: MutuBand[] = definition.bands.map((b) => {
    if (letters.has(b.mutu)) throw new Error(`${where}: mutu ${b.mutu} ganda`);
    letters.add(b.mutu);
    const lo = hundredths(b.min, where);
    const hi = hundredths(b.max, where);
    if (lo !== expectedStart || hi < lo) {
      throw new Error(
        `${where}: pita ${b.mutu} harus mulai di ${(expectedStart / 100).toFixed(2)} dan tidak terbalik`,
      );
    }
    expectedStart = hi + 1;
    return { mutu: b.mutu, kinerja: b.kinerja, kinerjaEn: b.kinerjaEn ?? b.kinerja, min: lo / 100, max: hi / 100 };
  });
  if (expectedStart - 1 !== KONVERSI_MAX_HUNDREDTHS) {
    throw new Error(`${where}: pita terakhir harus berakhir di 100.00`);
  }

  return deepFreeze({
    id: definition.id,
    name: definition.name,
    nameEn: definition.nameEn ?? definition.name,
    ...(definition.regulation ? { regulation: definition.regulation } : {}),
    scale: { min, max },
    items,
    bands,
  });
}

export const PERMENPAN_14_2017: IkmTemplate = defineTemplate({
  id: "permenpan-14-2017",
  name: "Survei Kepuasan Masyarakat (PermenPANRB 14/2017, 9 unsur)",
  nameEn: "Public Satisfaction Survey (PermenPANRB 14/2017, 9 elements)",
  regulation: "Peraturan Menteri PANRB Nomor 14 Tahun 2017",
  scale: { min: 1, max: 4 },
  items: PERMENPAN_14_2017_ITEMS,
  bands: [band("D", 25, 64.99), band("C", 65, 76.6), band("B", 76.61, 88.3), band("A", 88.31, 100)],
});

export const KEPMENPAN_25_2004: IkmTemplate = defineTemplate({
  id: "kepmenpan-25-2004",
  name: "Indeks Kepuasan Masyarakat (KepmenPAN 25/2004, 14 unsur)",
  nameEn: "Public Satisfaction Index (KepmenPAN 25/2004, 14 elements)",
  regulation: "Keputusan Menteri PAN Nomor KEP/25/M.PAN/2/2004",
  scale: { min: 1, max: 4 },
  items: KEPMENPAN_25_2004_ITEMS,
  bands: [band("D", 25, 43.75), band("C", 43.76, 62.5), band("B", 62.51, 81.25), band("A", 81.26, 100)],
});

export const DEFAULT_TEMPLATE_ID = "permenpan-14-2017";

export type BuiltinTemplateId = "permenpan-14-2017" | "kepmenpan-25-2004";

export const TEMPLATES: Readonly<Record<BuiltinTemplateId, IkmTemplate>> = Object.freeze({
  "permenpan-14-2017": PERMENPAN_14_2017,
  "kepmenpan-25-2004": KEPMENPAN_25_2004,
});

export function isBuiltinTemplateId(id: string): id is BuiltinTemplateId {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, id);
}

/** A built-in template by id, or undefined. */
export function getTemplate(id: string): IkmTemplate | undefined {
  return isBuiltinTemplateId(id) ? TEMPLATES[id] : undefined;
}

/** The template named by `template` (id or object); default permenpan-14-2017. Throws on an unknown id. */
export function resolveTemplate(template?: IkmTemplate | string): IkmTemplate {
  if (template === undefined) return PERMENPAN_14_2017;
  if (typeof template !== "string") return template;
  const found = getTemplate(template);
  if (!found) {
    throw new RangeError(
      `Template "${template}" tidak dikenal (pilihan: ${Object.keys(TEMPLATES).join(", ")})`,
    );
  }
  return found;
}
