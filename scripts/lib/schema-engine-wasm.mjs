// Loads Prisma's WebAssembly schema engine (npm: @prisma/schema-engine-wasm)
// without Node's experimental wasm-module flag. Used where the native
// schema-engine binary cannot be downloaded (air-gapped installs).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export async function loadSchemaEngineWasm() {
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
  const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bg;
}

/**
 * SQL that takes a database from `fromSchema` (null = empty) to `toSchema`.
 * The engine opens a connection at start even though a schema-to-schema diff
 * reads no database, so it needs a reachable PostgreSQL URL.
 */
export async function diffSchemas(fromSchema, toSchema, databaseUrl) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const bg = await loadSchemaEngineWasm();
  const logs = [];
  const engine = await bg.SchemaEngine.new(
    { datamodels: [["schema.prisma", toSchema]] },
    (msg) => logs.push(msg),
    // The engine expects the error-capturing wrapper the Prisma CLI uses.
    bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl })),
  );
  const target = (content) => ({ tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] });
  const result = await engine.diff({
    from: fromSchema == null ? { tag: "empty" } : target(fromSchema),
    to: target(toSchema),
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.stdout ?? "";
}

