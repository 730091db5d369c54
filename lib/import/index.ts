// Import of tabulations and online-form exports: read, detect, match, score, preview. Pure (no database).
export { ImportReadError, openCsvText, openImportBytes, openXlsxBytes, readCsvText, readImportBytes, readXlsxBytes, tableOf, type ImportRow, type ImportSheet, type ImportTable, type ReadOptions } from "./read";
export { detectSource, type TImportSource } from "./detect";
export { PROFILE_FIELDS, ROLE_FIELDS, applyMappingOverride, missingItems, proposeMapping, type ImportMapping, type MappingOverride, type TRoleField } from "./match";
export { labelScorer, parseAge, parseEducation, parseGender, parseOccupation, templateScorers, type TScoreResult } from "./labels";
export { decideDateOrder, localeDateOrder, parseTimestamp, zonedToUtc, type DateOrderDecision, type TDateOrder } from "./time";
export { buildPreview, scanRows, type AcceptedRow, type ImportPreview, type ImportScan, type PreviewOptions, type Refusal, type ScanHooks, type TRefusalKey } from "./preview";
export { previewFile, previewTable, scanFile, type FileImport, type FileImportOptions, type FileScan, type FileScanHooks } from "./pipeline";
