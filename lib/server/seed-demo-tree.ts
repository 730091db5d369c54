// The demo agency's unit tree (a fictional kabupaten with real Indonesian structures):
// each unit's services and how its answers fall over the year, and the saran it gets. Data for seed-demo.ts.

export type UnitSpec = {
  code: string;
  name: string;
  kind: string;
  /** Mean score around which this unit's answers fall, at the start and end of the year. */
  start: number;
  end: number;
  /** Relative volume of responses. */
  volume: number;
  services: [string, string][];
  children?: UnitSpec[];
};

// Unit names follow real Indonesian kabupaten structures; the kabupaten is fictional.
export const TREE: UnitSpec = {
  code: "KAB-SUKAMAJU", name: "Pemerintah Kabupaten Sukamaju", kind: "PEMDA", start: 3.2, end: 3.2, volume: 0,
  services: [["PENGADUAN", "Pengaduan Pelayanan Publik"], ["INFORMASI", "Layanan Informasi Publik"]],
  children: [
    { code: "DPMPTSP", name: "Dinas Penanaman Modal dan PTSP", kind: "DINAS", start: 3.35, end: 3.5, volume: 4,
      services: [["NIB", "Nomor Induk Berusaha"], ["KONSULTASI", "Konsultasi Perizinan"], ["INFO", "Informasi Perizinan"]],
      children: [
        { code: "DPMPTSP-IZIN", name: "Bidang Pelayanan Perizinan", kind: "BIDANG", start: 3.3, end: 3.45, volume: 3,
          services: [["PBG", "Persetujuan Bangunan Gedung"], ["SIP", "Surat Izin Praktik Tenaga Kesehatan"], ["REKLAME", "Izin Reklame"]] },
        { code: "DPMPTSP-ADUAN", name: "Bidang Pengaduan dan Informasi", kind: "BIDANG", start: 3.0, end: 3.05, volume: 0.4,
          services: [["ADUAN", "Penanganan Pengaduan"], ["PPID", "Permohonan Informasi"]] },
      ] },
    { code: "DISDUKCAPIL", name: "Dinas Kependudukan dan Pencatatan Sipil", kind: "DINAS", start: 2.75, end: 3.25, volume: 5,
      services: [["KTP", "KTP Elektronik"], ["KK", "Kartu Keluarga"], ["KIA", "Kartu Identitas Anak"], ["PINDAH", "Surat Pindah"]],
      children: [
        { code: "DUKCAPIL-DAFDUK", name: "Bidang Pelayanan Pendaftaran Penduduk", kind: "BIDANG", start: 2.7, end: 3.2, volume: 4,
          services: [["KTP", "Perekaman KTP-el"], ["KK", "Perubahan Kartu Keluarga"], ["PINDAH", "Pindah Datang"]] },
        { code: "DUKCAPIL-CAPIL", name: "Bidang Pelayanan Pencatatan Sipil", kind: "BIDANG", start: 3.1, end: 3.3, volume: 3,
          services: [["LAHIR", "Akta Kelahiran"], ["MATI", "Akta Kematian"], ["KAWIN", "Akta Perkawinan"], ["CERAI", "Akta Perceraian"]] },
        { code: "UPT-DUKCAPIL-UTARA", name: "UPT Dukcapil Wilayah Utara", kind: "UPT", start: 2.55, end: 2.6, volume: 1.5,
          services: [["KTP", "KTP Elektronik"], ["KK", "Kartu Keluarga"]] },
      ] },
    { code: "DINKES", name: "Dinas Kesehatan", kind: "DINAS", start: 3.25, end: 3.3, volume: 1,
      services: [["SIP", "Rekomendasi Izin Praktik"], ["PIRT", "Sertifikat Produksi Pangan IRT"]],
      children: [
        { code: "PKM-SUKAMAJU", name: "Puskesmas Sukamaju", kind: "PUSKESMAS", start: 3.4, end: 3.55, volume: 4,
          services: [["UMUM", "Poli Umum"], ["KIA", "Kesehatan Ibu dan Anak"], ["GIGI", "Poli Gigi"], ["LAB", "Laboratorium"], ["IMUN", "Imunisasi"]] },
        { code: "PKM-CIBODAS", name: "Puskesmas Cibodas", kind: "PUSKESMAS", start: 3.0, end: 2.85, volume: 3,
          services: [["UMUM", "Poli Umum"], ["KIA", "Kesehatan Ibu dan Anak"], ["GIGI", "Poli Gigi"]] },
        { code: "PKM-MEKARSARI", name: "Puskesmas Mekarsari", kind: "PUSKESMAS", start: 3.7, end: 3.8, volume: 2.5,
          services: [["UMUM", "Poli Umum"], ["KIA", "Kesehatan Ibu dan Anak"], ["LANSIA", "Poli Lansia"]] },
        { code: "PKM-KARANGANYAR", name: "Puskesmas Karanganyar", kind: "PUSKESMAS", start: 2.9, end: 3.4, volume: 2,
          services: [["UMUM", "Poli Umum"], ["KIA", "Kesehatan Ibu dan Anak"]] },
        { code: "LABKESDA", name: "UPT Laboratorium Kesehatan Daerah", kind: "UPT", start: 3.3, end: 3.35, volume: 0.3,
          services: [["AIR", "Uji Kualitas Air"], ["KLINIK", "Pemeriksaan Laboratorium Klinik"]] },
      ] },
    { code: "RSUD", name: "RSUD Kabupaten Sukamaju", kind: "LAINNYA", start: 2.95, end: 3.15, volume: 5,
      services: [["RAJAL", "Rawat Jalan"], ["RANAP", "Rawat Inap"], ["IGD", "Instalasi Gawat Darurat"], ["FARMASI", "Instalasi Farmasi"], ["RADIOLOGI", "Radiologi"]] },
    { code: "DISHUB", name: "Dinas Perhubungan", kind: "DINAS", start: 3.1, end: 3.1, volume: 0.5,
      services: [["ANDALALIN", "Rekomendasi Andalalin"], ["TRAYEK", "Izin Trayek"]],
      children: [
        { code: "UPT-PKB", name: "UPT Pengujian Kendaraan Bermotor", kind: "UPT", start: 2.6, end: 2.9, volume: 2.5,
          services: [["UJI", "Uji Berkala Kendaraan"], ["NUMPANG", "Numpang Uji"], ["MUTASI", "Mutasi Uji"]] },
        { code: "UPT-TERMINAL", name: "UPT Terminal Sukamaju", kind: "UPT", start: 2.8, end: 2.75, volume: 0.6,
          services: [["INFO", "Informasi Keberangkatan"], ["TIKET", "Layanan Loket"]] },
      ] },
    { code: "BAPENDA", name: "Badan Pendapatan Daerah", kind: "BADAN", start: 3.15, end: 3.25, volume: 1,
      services: [["KONSULTASI", "Konsultasi Pajak Daerah"], ["NPWPD", "Pendaftaran NPWPD"]],
      children: [
        { code: "BAPENDA-PBB", name: "Bidang PBB-P2 dan BPHTB", kind: "BIDANG", start: 3.05, end: 3.2, volume: 2,
          services: [["SPPT", "Salinan SPPT PBB"], ["MUTASI", "Mutasi Objek PBB"], ["BPHTB", "Validasi BPHTB"]] },
        { code: "UPT-PENDAPATAN-TIMUR", name: "UPT Pendapatan Wilayah Timur", kind: "UPT", start: 3.2, end: 3.3, volume: 0.5,
          services: [["BAYAR", "Pembayaran Pajak Daerah"], ["INFO", "Informasi Tagihan"]] },
      ] },
    { code: "DISDIK", name: "Dinas Pendidikan", kind: "DINAS", start: 3.1, end: 3.2, volume: 0.8,
      services: [["LEGALISIR", "Legalisir Ijazah"], ["MUTASI", "Mutasi Siswa"], ["IZIN", "Izin Operasional Satuan Pendidikan"]],
      children: [
        { code: "DISDIK-GTK", name: "Bidang Guru dan Tenaga Kependidikan", kind: "BIDANG", start: 3.2, end: 3.3, volume: 1,
          services: [["NUPTK", "Layanan NUPTK"], ["SERTIFIKASI", "Tunjangan Sertifikasi"]] },
      ] },
    { code: "DPUPR", name: "Dinas Pekerjaan Umum dan Penataan Ruang", kind: "DINAS", start: 2.9, end: 3.0, volume: 0.7,
      services: [["KRK", "Keterangan Rencana Kota"], ["SLF", "Sertifikat Laik Fungsi"]],
      children: [
        { code: "DPUPR-TATA-BANGUNAN", name: "Bidang Tata Bangunan", kind: "BIDANG", start: 2.7, end: 2.95, volume: 1,
          services: [["PBG", "Verifikasi Teknis PBG"], ["KONSULTASI", "Konsultasi Teknis"]] },
      ] },
    { code: "DINSOS", name: "Dinas Sosial", kind: "DINAS", start: 3.3, end: 3.4, volume: 1.5,
      services: [["DTKS", "Pendaftaran DTKS"], ["SKTM", "Surat Keterangan Tidak Mampu"], ["PBI", "Rekomendasi PBI-JK"]],
      children: [
        { code: "DINSOS-LINJAMSOS", name: "Bidang Perlindungan dan Jaminan Sosial", kind: "BIDANG", start: 3.35, end: 3.45, volume: 1,
          services: [["BANSOS", "Bantuan Sosial"], ["BENCANA", "Bantuan Korban Bencana"]] },
      ] },
    { code: "KEC-SUKAMAJU", name: "Kecamatan Sukamaju", kind: "KECAMATAN", start: 3.25, end: 3.35, volume: 2,
      services: [["PATEN", "Pelayanan Administrasi Terpadu Kecamatan"], ["IUMK", "Izin Usaha Mikro Kecil"], ["LEGALISASI", "Legalisasi Dokumen"]],
      children: [
        { code: "KEL-SUKAMAJU", name: "Kelurahan Sukamaju", kind: "KELURAHAN", start: 3.4, end: 3.5, volume: 0.35,
          services: [["DOMISILI", "Surat Keterangan Domisili"], ["PENGANTAR", "Surat Pengantar"]] },
      ] },
  ],
};

// Per-unsur offsets on the permenpan-14-2017 items: waktu (U3) and sarana (U8)
// are where most units are weak; biaya (U4) is usually free (gratis).
export const ITEM_OFFSET = [0.05, -0.05, -0.3, 0.45, 0.0, 0.05, 0.15, -0.25, -0.1];

export const SARAN: Record<number, string[]> = {
  0: ["Persyaratan mohon diumumkan lebih jelas di papan informasi dan website.", "Syarat berkas sering berubah, mohon konsisten."],
  1: ["Alur pelayanan membingungkan, perlu petunjuk arah dan nomor antrean yang jelas.", "Mohon disediakan pendaftaran online supaya tidak bolak-balik."],
  2: ["Antrean terlalu lama, mohon ditambah petugas loket pada jam sibuk.", "Proses selesai lebih lama dari yang dijanjikan.", "Waktu tunggu hampir tiga jam, mohon diperbaiki.", "Jam pelayanan sering mulai terlambat."],
  3: ["Terima kasih pelayanan gratis dan tanpa pungutan.", "Masih ada oknum yang meminta uang tambahan di luar ketentuan."],
  4: ["Hasil dokumen ada salah ketik nama, mohon lebih teliti.", "Produk layanan sudah sesuai standar."],
  5: ["Petugas sudah paham aturan dan menjelaskan dengan baik.", "Petugas baru belum menguasai sistem, perlu pelatihan."],
  6: ["Petugas ramah dan sopan, pertahankan.", "Ada petugas yang kurang ramah saat ditanya.", "Pelayanan sangat baik, terima kasih."],
  7: ["Ruang tunggu panas dan kursi kurang, mohon ditambah kipas atau AC.", "Toilet kotor dan parkir sempit.", "Perlu jalur khusus untuk penyandang disabilitas dan lansia.", "Mesin antrean sering rusak."],
  8: ["Kotak saran tidak pernah dibuka sepertinya, pengaduan tidak ditanggapi.", "Mohon ada nomor WhatsApp pengaduan yang aktif."],
};

export type Flat = UnitSpec & { id: string; parentId: string | null; path: string; depth: number };

export function flatten(spec: UnitSpec, parent: Flat | null, out: Flat[], uuid: () => string): Flat[] {
  const id = uuid();
  const node: Flat = {
    ...spec,
    id,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? "/"}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
  };
  out.push(node);
  for (const child of spec.children ?? []) flatten(child, node, out, uuid);
  return out;
}

