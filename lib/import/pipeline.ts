// Read, detect, propose a mapping (or take a corrected one) and preview, in one call: what the
// `ikm` command and the import screens share, so both give the same figures for one file.
import type { IkmTemplate } from "../ikm";
import { detectSource, type TImportSource } from "./detect";
import { applyMappingOverride, proposeMapping, type ImportMapping, type MappingOverride } from "./match";
import { buildPreview, scanRows, type ImportPreview, type ImportScan, type ScanHooks } from "./preview";
import { openImportBytes, readImportBytes, type ImportSheet, type ImportTable } from "./read";

export interface FileImport {
  readonly table: ImportTable;
  readonly source: TImportSource;
  /** Proposed mapping with the override applied. */
  readonly mapping: ImportMapping;
  readonly preview: ImportPreview;
}

export interface FileImportOptions {
  readonly template: IkmTemplate;
  readonly timeZone: string;
  readonly locale?: string;
  readonly sheet?: string;
  readonly override?: MappingOverride;
}

/** A file scanned row by row (scanFile): no rows kept, only the header and what the scan counted. */
export interface FileScan {
  readonly sheet: Omit<ImportSheet, "eachRow">;
  readonly source: TImportSource;
  readonly mapping: ImportMapping;
  readonly preview: ImportScan;
}

function mappingFor(header: readonly string[], options: FileImportOptions): { source: TImportSource; mapping: ImportMapping } {
  const source = detectSource(header, options.template);
  const proposed = proposeMapping(header, options.template);
  return { source, mapping: options.override ? applyMappingOverride(header, proposed, options.override) : proposed };
}

const previewOptions = (options: FileImportOptions) => ({
  template: options.template,
  timeZone: options.timeZone,
  ...(options.locale === undefined ? {} : { locale: options.locale }),
});

export function previewTable(table: ImportTable, options: FileImportOptions): FileImport {
  const { source, mapping } = mappingFor(table.header, options);
  return { table, source, mapping, preview: buildPreview(table, mapping, previewOptions(options)) };
}

export interface FileScanHooks extends ScanHooks {
  /** Called with the header and mapping before the first row is read. */
  readonly ready?: (sheet: FileScan["sheet"], mapping: ImportMapping) => void;
}

/** previewFile for a large file: the rows are read from the file one at a time and each accepted one goes to `hooks.accept`. */
export async function scanFile(fileName: string, data: Uint8Array, options: FileImportOptions, hooks: FileScanHooks): Promise<FileScan> {
  const headerCodes = options.template.items.map((item) => item.code);
  const { eachRow, ...sheet } = await openImportBytes(fileName, data, options.sheet === undefined ? { headerCodes } : { headerCodes, sheet: options.sheet });
  const { source, mapping } = mappingFor(sheet.header, options);
  hooks.ready?.(sheet, mapping);
  return { sheet, source, mapping, preview: scanRows({ ...sheet, eachRow }, mapping, previewOptions(options), hooks) };
}

export async function previewFile(fileName: string, data: Uint8Array, options: FileImportOptions): Promise<FileImport> {
  const headerCodes = options.template.items.map((item) => item.code);
  const table = await readImportBytes(fileName, data, options.sheet === undefined ? { headerCodes } : { headerCodes, sheet: options.sheet });
  return previewTable(table, options);
}
