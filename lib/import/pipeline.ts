// Read, detect, propose a mapping (or take a corrected one) and preview, in one call: what the
// `ikm` command and the import screens share, so both give the same figures for one file.
import type { IkmTemplate } from "../ikm";
import { detectSource, type TImportSource } from "./detect";
import { applyMappingOverride, proposeMapping, type ImportMapping, type MappingOverride } from "./match";
import { buildPreview, type ImportPreview } from "./preview";
import { readImportBytes, type ImportTable } from "./read";

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

export function previewTable(table: ImportTable, options: FileImportOptions): FileImport {
  const source = detectSource(table.header, options.template);
  const proposed = proposeMapping(table.header, options.template);
  const mapping = options.override ? applyMappingOverride(table.header, proposed, options.override) : proposed;
  const preview = buildPreview(table, mapping, {
    template: options.template,
    timeZone: options.timeZone,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
  });
  return { table, source, mapping, preview };
}

export async function previewFile(fileName: string, data: Uint8Array, options: FileImportOptions): Promise<FileImport> {
  const headerCodes = options.template.items.map((item) => item.code);
  const table = await readImportBytes(fileName, data, options.sheet === undefined ? { headerCodes } : { headerCodes, sheet: options.sheet });
  return previewTable(table, options);
}
