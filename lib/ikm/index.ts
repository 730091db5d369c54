// Indeks Kepuasan Masyarakat: pure computation (no database, no framework, no I/O).
export type {
  ComputeOptions,
  ConfidenceInterval,
  IkmItemResult,
  IkmResult,
  IkmStats,
  IkmTemplate,
  ItemStats,
  Mutu,
  MutuBand,
  OptionLabel,
  ResponseRow,
  SampleAssessment,
  Score,
  TemplateItem,
} from "./types";
export {
  DEFAULT_TEMPLATE_ID,
  KEPMENPAN_25_2004,
  PERMENPAN_14_2017,
  TEMPLATES,
  defineTemplate,
  getTemplate,
  isBuiltinTemplateId,
  resolveTemplate,
  type BuiltinTemplateId,
  type TemplateDefinition,
} from "./templates";
export {
  IkmInputError,
  Z_95,
  collectStats,
  computeIkm,
  computeIkmFromRows,
  computeIkmFromSums,
  createIkmAccumulator,
  mergeStats,
  poolItemStats,
  type IkmAccumulator,
} from "./compute";
export { classifyMutu, toKonversi } from "./classify";
export { KREJCIE_MORGAN, KREJCIE_MORGAN_TABLE, assessSample, krejcieMorganRow, minimumSample } from "./sample";
export { compareIkm, compareNrr, type IkmComparison, type NrrComparison, type ScoreMoments, type Trend } from "./compare";
export {
  NOT_AVAILABLE,
  formatDecimal,
  formatIkm,
  formatInteger,
  formatKonversi,
  formatNrr,
  formatWeight,
  type DisplayLocale,
} from "./format";
export { roundHalfUp } from "./decimal";
export { analyseImportance, quadrantOf, type ImportanceItem, type ImportanceResult, type Quadrant } from "./importance";
export { TEMPLATE_PRESETS, ZI_SPAK, ZI_SPKP } from "./zona-integritas";
