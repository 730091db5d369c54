// Starting points for the Zona Integritas perception surveys: Survei Persepsi Kualitas
// Pelayanan (8 items) and Survei Persepsi Anti Korupsi (5 items), on the 1..6 scale they
// commonly use. No regulation fixes their index formula (DOMAIN.md), so they are ordinary
// templates: the index is computed like any other from the scale and the bands they
// declare (linear konversi 1 -> 25, 6 -> 100), and an agency edits both before it
// publishes. The bands here are PermenPANRB 14/2017's, a placeholder to be reviewed.
import { PERMENPAN_14_2017, defineTemplate } from "./templates";
import type { IkmTemplate } from "./types";

const AGREE: readonly (readonly [string, string])[] = [
  ["Sangat tidak setuju", "Strongly disagree"],
  ["Tidak setuju", "Disagree"],
  ["Kurang setuju", "Somewhat disagree"],
  ["Cukup setuju", "Somewhat agree"],
  ["Setuju", "Agree"],
  ["Sangat setuju", "Strongly agree"],
];

const options6 = () => AGREE.map(([id, en], i) => ({ value: i + 1, id, en }));

type TStatement = readonly [code: string, name: string, nameEn: string, question: string, questionEn: string];

function perceptionTemplate(id: string, name: string, nameEn: string, statements: readonly TStatement[]): IkmTemplate {
  return defineTemplate({
    id,
    name,
    nameEn,
    scale: { min: 1, max: 6 },
    items: statements.map(([code, unsur, unsurEn, question, questionEn]) => ({ code, name: unsur, nameEn: unsurEn, question, questionEn, options: options6() })),
    bands: PERMENPAN_14_2017.bands.map((b) => ({ ...b })),
  });
}

export const ZI_SPKP: IkmTemplate = perceptionTemplate("zi-spkp", "Survei Persepsi Kualitas Pelayanan (Zona Integritas)", "Service Quality Perception Survey (Integrity Zone)", [
  ["P1", "Informasi pelayanan", "Service information", "Informasi tentang pelayanan mudah diperoleh dan jelas.", "Information about the service is easy to obtain and clear."],
  ["P2", "Persyaratan", "Requirements", "Persyaratan pelayanan sesuai dengan jenis pelayanannya.", "The requirements fit the type of service."],
  ["P3", "Prosedur", "Procedure", "Prosedur pelayanan mudah diikuti.", "The service procedure is easy to follow."],
  ["P4", "Waktu", "Time", "Pelayanan selesai dalam waktu yang dijanjikan.", "The service is completed within the promised time."],
  ["P5", "Biaya", "Cost", "Biaya pelayanan sesuai dengan ketentuan yang diumumkan.", "The cost matches the announced tariff."],
  ["P6", "Kompetensi petugas", "Staff competence", "Petugas mampu memberikan pelayanan dengan baik.", "The staff are able to serve well."],
  ["P7", "Perilaku petugas", "Staff conduct", "Petugas bersikap sopan dan ramah.", "The staff are polite and friendly."],
  ["P8", "Pengaduan dan sarana", "Complaints and facilities", "Sarana pengaduan tersedia dan pengaduan ditanggapi.", "A complaint channel exists and complaints are answered."],
]);

export const ZI_SPAK: IkmTemplate = perceptionTemplate("zi-spak", "Survei Persepsi Anti Korupsi (Zona Integritas)", "Anti-Corruption Perception Survey (Integrity Zone)", [
  ["K1", "Tidak ada diskriminasi", "No discrimination", "Petugas melayani semua pengguna tanpa membeda-bedakan.", "The staff serve every user without discrimination."],
  ["K2", "Tidak ada pelayanan di luar prosedur", "No off-procedure service", "Tidak ada pelayanan di luar prosedur yang ditetapkan.", "No service is given outside the set procedure."],
  ["K3", "Tidak ada gratifikasi", "No gratification", "Petugas tidak meminta atau menerima imbalan.", "The staff neither ask for nor accept rewards."],
  ["K4", "Tidak ada pungutan liar", "No illegal levies", "Tidak ada pungutan di luar biaya resmi.", "No levy is charged beyond the official cost."],
  ["K5", "Tidak ada calo", "No brokers", "Tidak ada calo atau perantara tidak resmi.", "There are no brokers or unofficial intermediaries."],
]);

/** Presets offered as starting points in the template library, by id. */
export const TEMPLATE_PRESETS: Readonly<Record<string, IkmTemplate>> = Object.freeze({ [ZI_SPKP.id]: ZI_SPKP, [ZI_SPAK.id]: ZI_SPAK });
