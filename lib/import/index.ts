// Import of tabulations and online-form exports: read, detect, match, score, preview. Pure (no database).
export { ImportReadError, readCsvText, readImportBytes, readXlsxBytes, type ImportRow, type ImportTable, type ReadOptions } from "./read";
export { detectSource, type TImportSource } from "./detect";
export { PROFILE_FIELDS, ROLE_FIELDS, applyMappingOverride, missingItems, proposeMapping, type ImportMapping, type MappingOverride, type TRoleField } from "./match";
export { labelScorer, parseAge, parseEducation, parseGender, parseOccupation, templateScorers, type TScoreResult } from "./labels";
export { decideDateOrder, localeDateOrder, parseTimestamp, zonedToUtc, type DateOrderDecision, type TDateOrder } from "./time";
export { buildPreview, type AcceptedRow, type ImportPreview, type PreviewOptions, type Refusal, type TRefusalKey } from "./preview";
export { previewFile, previewTable, type FileImport, type FileImportOptions } from "./pipeline";
